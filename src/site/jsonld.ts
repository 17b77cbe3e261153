// JSON-LD (schema.org) for every page, serialised so that no text can end the <script> element.
import type { ActorKind } from '../schema/vocab.ts';

export const schemaTypes: Record<ActorKind, string> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organization',
  media: 'NewsMediaOrganization',
  place: 'Place',
};

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` are escaped as \u003c etc.
 * (still valid JSON), so `</script>` or `<!--` in the data cannot break out of the element.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
