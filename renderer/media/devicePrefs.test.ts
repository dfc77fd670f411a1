import { describe, expect, it } from 'vitest';
import { forgetChoice, rememberChoice, rememberedChoice } from './devicePrefs';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

describe('remembered device choice', () => {
  const choice = { audioInput: 'mic-2', videoInput: null, audioOutput: 'speakers' };

  it('gives back the last good choice', () => {
    const storage = memoryStorage();
    rememberChoice(choice, storage, 1_000);
    expect(rememberedChoice(storage, 2_000)).toEqual({ ...choice, checkedAt: 1_000 });
    forgetChoice(storage);
    expect(rememberedChoice(storage)).toBeNull();
  });

  it('asks again after a month', () => {
    const storage = memoryStorage();
    rememberChoice(choice, storage, 0);
    expect(rememberedChoice(storage, 31 * 24 * 60 * 60_000)).toBeNull();
  });

  it('ignores what it cannot read instead of failing', () => {
    const storage = memoryStorage();
    storage.items.set('classroom-console.devices', '{"audioInput": 42');
    expect(rememberedChoice(storage)).toBeNull();
    storage.items.set('classroom-console.devices', JSON.stringify({ audioInput: { evil: true }, checkedAt: 1 }));
    expect(rememberedChoice(storage)).toBeNull();
  });
});
