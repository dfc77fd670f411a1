import { describe, expect, it } from 'vitest';
import { aggregateLink, tileLink } from './linkState';

describe('link states', () => {
  it('aggregates connections into the MediaState link', () => {
    expect(aggregateLink([], false)).toBe('off');
    expect(aggregateLink([], true)).toBe('connected');
    expect(aggregateLink([{ state: 'connecting', wasConnected: false }], true)).toBe('connecting');
    expect(aggregateLink([{ state: 'connected', wasConnected: true }, { state: 'disconnected', wasConnected: true }], true)).toBe('interrupted');
  });

  it('shows an interruption on a tile from either side', () => {
    const remote = (link: 'connected' | 'interrupted') => ({ v: 1 as const, mic: true, camera: true, screen: false, link, ts: 1 });
    expect(tileLink({ state: 'disconnected', wasConnected: true }, remote('connected'))).toBe('interrupted');
    expect(tileLink({ state: 'connected', wasConnected: true }, remote('interrupted'))).toBe('interrupted');
    expect(tileLink({ state: 'connected', wasConnected: true }, remote('connected'))).toBe('connected');
    expect(tileLink(undefined, undefined)).toBe('off');
  });
});
