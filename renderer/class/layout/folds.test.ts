import { describe, expect, it } from 'vitest';
import { initialFolds, NARROW_WIDTH } from './folds';

const memory = (value: string | null) => ({ getItem: () => value, setItem: () => undefined });

describe('initialFolds', () => {
  it('opens everything on a wide window, and folds only the pages column on a narrow one', () => {
    expect(initialFolds(memory(null), 1280)).toEqual({ course: false, side: false, video: false, roster: false, chat: false });
    expect(initialFolds(memory(null), NARROW_WIDTH - 1)).toEqual({ course: true, side: false, video: false, roster: false, chat: false });
  });

  it('keeps what the person folded last time', () => {
    const saved = { course: true, side: false, video: true, roster: false, chat: true };
    expect(initialFolds(memory(JSON.stringify(saved)), 1920)).toEqual(saved);
  });

  it('falls back to the defaults when what was saved is unreadable or incomplete', () => {
    for (const bad of ['{', '"yes"', JSON.stringify({ course: true }), JSON.stringify({ course: 1, side: 0, video: 0, roster: 0, chat: 0 })]) {
      expect(initialFolds(memory(bad), 1920)).toEqual({ course: false, side: false, video: false, roster: false, chat: false });
    }
    expect(initialFolds(undefined, 1920).course).toBe(false);
  });
});
