import { describe, expect, it } from 'vitest';
import { AUTH_FAILURES } from '../../shared/auth/claims';
import { ClassState, DROP_REASONS } from '../../shared/protocol';
import type { LinkState } from '../link/messages';
import { en } from './en';
import { zhCN } from './zh-CN';

const LINK_STATES: LinkState[] = ['idle', 'connecting', 'connected', 'reconnecting', 'offline', 'refused', 'unreachable', 'closed'];

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe.each([
  ['en', en],
  ['zh-CN', zhCN],
])('%s strings', (_language, strings) => {
  it('explain every sign-in failure', () => {
    for (const failure of Object.keys(AUTH_FAILURES)) expect(strings.authFailure).toHaveProperty([failure]);
  });

  it('name every drop reason, class state and connection state', () => {
    for (const reason of DROP_REASONS) expect(strings.diagnostics.reason).toHaveProperty([reason]);
    for (const state of ClassState.options) expect(strings.state).toHaveProperty([state]);
    for (const state of LINK_STATES) expect(strings.connection).toHaveProperty([state]);
  });

  it('have the same keys as English, none empty', () => {
    expect(keys(strings).sort()).toEqual(keys(en).sort());
    for (const key of keys(strings).filter((k) => !k.endsWith('columns.actions'))) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings);
      expect(value, key).not.toBe('');
    }
  });
});
