import { describe, expect, it } from 'vitest';
import { HELP_STATUSES, HELP_TOPICS, RemedyAttempt } from '../../../shared/protocol';
import { REMEDIES, SEVERITIES, TAG_IDS } from '../../../shared/tags/catalogue';
import { superviseEn } from './en';
import { superviseZhCN } from './zh-CN';

function at(strings: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
}

function leaves(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
}

describe.each([
  ['en', superviseEn],
  ['zh-CN', superviseZhCN],
])('%s supervisor strings', (_language, strings) => {
  it('name and explain every tag of the catalogue', () => {
    for (const tag of TAG_IDS) {
      expect(typeof at(strings.tag, tag), tag).toBe('string');
      expect(typeof at(strings.meaning, tag), tag).toBe('string');
    }
  });

  it('name every severity, remedy, remedy outcome, help status and help topic', () => {
    for (const severity of SEVERITIES) expect(strings.severity).toHaveProperty([severity]);
    for (const remedy of REMEDIES) expect(strings.remedy).toHaveProperty([remedy]);
    for (const outcome of RemedyAttempt.shape.outcome.options) expect(strings.outcome).toHaveProperty([outcome]);
    for (const status of HELP_STATUSES) expect(strings.help.status).toHaveProperty([status]);
    for (const topic of HELP_TOPICS) expect(strings.help.topics).toHaveProperty([topic]);
  });

  it('have the same keys as English, none empty', () => {
    expect(leaves(strings).sort()).toEqual(leaves(superviseEn).sort());
    for (const key of leaves(strings)) expect(at(strings, key), key).not.toBe('');
  });
});
