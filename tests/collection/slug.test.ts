import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSlugs, maxSlugLength, slugify } from '../../src/collection/slug.ts';
import { slugRef } from '../../src/schema/shared.ts';

const safe = (slug: string) =>
  slugRef('actors').safeParse(slug).success && slug.length <= maxSlugLength && !/^(con|prn|aux|nul|com\d|lpt\d)$/.test(slug);

describe('slugify', () => {
  it('makes readable slugs, transliterating non-Latin names', () => {
    expect(slugify('Kazem Jalali', 'actor')).toBe('kazem-jalali');
    expect(slugify('Tomasz Wróbel', 'actor')).toBe('tomasz-wrobel');
    expect(slugify('Михаил Мишустин', 'actor')).toBe('mihail-mishustin');
    expect(slugify('习近平', 'actor')).toBe('xi-jin-ping');
    expect(slugify('سلمى يوسف الحداد', 'actor')).toBe('slm-ywsf-lhd-d');
    expect(slugify('Rocket 🚀 Man', 'actor')).toBe('rocket-man');
  });

  it('never makes a path, a control or bidi character, or a reserved device name', () => {
    for (const name of ['../../etc/passwd', '..\\..\\Windows\\win.ini', 'CON', 'con', 'LPT1', '\u202egnp.exe\u202c Nadia', '<b>Ahmed</b>', '   ', '🚀', '...'])
      expect(safe(slugify(name, 'actor')), name).toBe(true);
    expect(slugify('../../etc/passwd', 'actor')).toBe('etc-passwd');
    expect(slugify('CON', 'actor')).toBe('con-actor');
    // A number is a list's page number (/articles/2/), never an entry's slug.
    expect(slugify('2', 'article')).toBe('2-article');
    expect(slugify('2024', 'article')).toBe('2024-article');
    expect(slugify('2024-05-01', 'article')).toBe('2024-05-01');
    expect(slugify('\u202egnp.exe\u202c Nadia', 'actor')).toBe('gnp-exe-nadia');
  });

  it('falls back to a stable hash when nothing readable is left', () => {
    expect(slugify('🚀🌍', 'actor')).toMatch(/^actor-[0-9a-f]{8}$/);
    expect(slugify('🚀🌍', 'actor')).toBe(slugify('🚀🌍', 'actor'));
    expect(slugify('🚀🌍', 'actor')).not.toBe(slugify('🌍🚀', 'actor'));
  });

  it('bounds the length, cutting at a word', () => {
    const slug = slugify('The Comprehensive Strategic Partnership Treaty Between the Two Nations and Their Allies', 'agreement');
    expect(slug.length).toBeLessThanOrEqual(maxSlugLength);
    expect(slug).toBe('the-comprehensive-strategic-partnership-treaty-between-the');
  });

  it('is always safe, whatever the name', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => safe(slugify(name, 'actor'))), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (name) => safe(slugify(name, 'actor'))), { numRuns: 500 });
  });
});

describe('assignSlugs', () => {
  it('gives the first-ranked entity the plain slug and later ones a suffix that depends only on themselves', () => {
    const slugs = assignSlugs([
      { key: 'country:georgia', slug: 'georgia' },
      { key: 'person:georgia', slug: 'georgia' },
      { key: 'person:kazem jalali', slug: 'kazem-jalali' },
    ]);
    expect(slugs.get('country:georgia')).toBe('georgia');
    expect(slugs.get('person:georgia')).toMatch(/^georgia-[0-9a-f]{8}$/);
    const alone = assignSlugs([
      { key: 'organization:georgia', slug: 'georgia' },
      { key: 'person:georgia', slug: 'georgia' },
    ]);
    expect(alone.get('person:georgia')).toBe(slugs.get('person:georgia'));
  });

  it('never hands out a slug twice', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ key: fc.string(), slug: fc.constantFrom('a', 'b', 'a-1', 'b-2') }), { selector: (r) => r.key }), (requests) => {
        const slugs = [...assignSlugs(requests).values()];
        return new Set(slugs).size === requests.length && slugs.every((s) => s.length <= maxSlugLength);
      }),
    );
  });
});
