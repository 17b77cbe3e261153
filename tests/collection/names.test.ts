import { describe, expect, it } from 'vitest';
import { countryKey, displayName, nameKey, surnameKey } from '../../src/collection/names.ts';

describe('displayName', () => {
  it('removes what could flip or hide text, and keeps what scripts need', () => {
    expect(displayName('\u202egnp.exe\u202c Nadia')).toBe('gnp.exe Nadia');
    expect(displayName(' Ana\u0000\u200b  Lima\n')).toBe('Ana Lima');
    expect(displayName('سلمى يوسف الحداد')).toBe('سلمى يوسف الحداد');
    expect(displayName('مهر\u200cانگیز')).toBe('مهر\u200cانگیز');
    expect(displayName('👩\u200d🔬 Rocket 🚀 Man')).toBe('👩\u200d🔬 Rocket 🚀 Man');
    expect(displayName(' \u2066 \u00a0')).toBe('');
  });
});

describe('nameKey', () => {
  it('ignores case, accents, punctuation, a leading "the" and a possessive', () => {
    expect(nameKey("The BBC's")).toBe(nameKey('BBC'));
    expect(nameKey('Tomasz Wróbel')).toBe(nameKey('tomasz wrobel'));
    expect(nameKey('U.S.')).toBe('u s');
    expect(nameKey('Kazem Jalali')).not.toBe(nameKey('Kazim Jalali'));
  });
});

describe('surnameKey', () => {
  it('is the last word, not a generational suffix, and nothing for one word', () => {
    expect(surnameKey('Martin Luther King Jr.')).toBe('king');
    expect(surnameKey('Kazem Jalali')).toBe('jalali');
    expect(surnameKey('Jalali')).toBe('');
  });
});

describe('countryKey', () => {
  it('gives one key to a country whatever name it goes by, and keeps unknown names apart', () => {
    expect(countryKey('Islamic Republic of Iran')).toBe(countryKey('Iran'));
    expect(countryKey('United States of America')).toBe(countryKey('USA'));
    expect(countryKey('Russia')).not.toBe(countryKey('Belarus'));
    expect(countryKey('Freedonia')).toBe('freedonia');
  });
});
