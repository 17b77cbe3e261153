// Open data: each whole collection as JSON at /data/<collection>.json, references as plain ids.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../site/data.ts';

const names = ['articles', 'actors', 'agreements', 'quotes'] as const;
type Name = (typeof names)[number];

export const getStaticPaths = (() => names.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** Astro resolves references to `{ id, collection }`; the open data keeps only the id. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 2 && 'id' in value && 'collection' in value) return (value as { id: string }).id;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

export const GET: APIRoute = async ({ params }) => {
  const site = await siteData();
  const entries = site[params.name as Name].map((entry) => ({ id: entry.id, ...(plain(entry.data) as object) }));
  return new Response(`${JSON.stringify(entries, null, 1)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
