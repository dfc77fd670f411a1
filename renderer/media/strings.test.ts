import { describe, expect, it } from 'vitest';
import { mediaEn, mediaZhCN } from './strings';

function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
}

describe('media strings', () => {
  it('have the same keys in Chinese as in English, none empty', () => {
    const en = leaves(mediaEn);
    const zh = leaves(mediaZhCN);
    expect(zh.map(([key]) => key).sort()).toEqual(en.map(([key]) => key).sort());
    for (const [key, value] of [...en, ...zh]) expect(value, key).not.toBe('');
  });

  it('keep the same placeholders in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const zh = new Map(leaves(mediaZhCN));
    for (const [key, value] of leaves(mediaEn)) expect(placeholders(zh.get(key)), key).toEqual(placeholders(value));
  });
});
