import { describe, expect, it } from 'vitest';
import { canonical, mergeRecords, sameRecord, wins, type ElementRecord } from './element';

const base: ElementRecord = {
  id: 'e1', kind: 'pen', version: 3, nonce: 7, by: 'teacher1', z: 'a0', deleted: false,
  props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [0, 0, 3, 4], text: '', fontSize: 24, asset: '' },
};
const bytes = (r: ElementRecord) => JSON.stringify(canonical(r));

/** One field changed at a time, props included, and deleted records whose props differ (which serialize alike). */
const variants: ElementRecord[] = [
  base,
  { ...base },
  { ...base, props: { ...base.props, points: [0, 0, 3, 4] } },
  { ...base, props: { ...base.props, points: [0, 0, 3, 5] } },
  { ...base, props: { ...base.props, points: [0, 0, 3] } },
  { ...base, props: { ...base.props, x: 9 } },
  { ...base, props: { ...base.props, stroke: '#ff0000' } },
  { ...base, props: { ...base.props, text: 'hi' } },
  { ...base, z: 'a1' },
  { ...base, kind: 'rect' },
  { ...base, nonce: 8 },
  { ...base, deleted: true },
  { ...base, deleted: true, props: { ...base.props, x: 40, points: [] } },
];

describe('element records', () => {
  it('are the same exactly when their canonical bytes are', () => {
    for (const a of variants) for (const b of variants) expect(sameRecord(a, b)).toBe(bytes(a) === bytes(b));
  });

  it('merge in one total order whichever side is heard first', () => {
    for (const a of variants) {
      for (const b of variants) {
        const same = bytes(a) === bytes(b);
        expect([wins(a, b), wins(b, a), same].filter(Boolean)).toHaveLength(1);
        expect(bytes(mergeRecords(a, b))).toBe(bytes(mergeRecords(b, a)));
      }
    }
  });
});
