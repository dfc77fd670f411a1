import { describe, expect, it } from 'vitest';
import { ScreenSource } from '../shared/ipc/contract';
import { ScreenChoice, sourceForCapture, toScreenSource } from './screen-share';

describe('ScreenChoice', () => {
  it('answers one getDisplayMedia with a source that was listed and chosen', () => {
    const choice = new ScreenChoice(() => 1_000);
    choice.offered(['screen:0:0', 'window:42:0']);
    expect(choice.choose('window:42:0')).toBe(true);
    expect(choice.take()).toBe('window:42:0');
    expect(choice.take()).toBeNull();
  });

  it('refuses a source that was not listed, and a choice that went stale', () => {
    let now = 0;
    const choice = new ScreenChoice(() => now);
    choice.offered(['screen:0:0']);
    expect(choice.choose('screen:1:0')).toBe(false);
    now = 61_000;
    expect(choice.choose('screen:0:0')).toBe(false);
    choice.offered(['screen:0:0']);
    expect(choice.choose('screen:0:0')).toBe(true);
    now += 61_000;
    expect(choice.take()).toBeNull();
  });

  it('refuses getDisplayMedia when nothing was chosen', () => {
    expect(new ScreenChoice().take()).toBeNull();
  });
});

describe('toScreenSource', () => {
  const image = (url: string) => ({ isEmpty: () => url === '', toDataURL: () => url });
  it('describes a capturer source in the contract’s terms', () => {
    const source = toScreenSource({ id: 'window:7:0', name: 'Slides', thumbnail: image('data:image/png;base64,AAAA') });
    expect(ScreenSource.parse(source)).toEqual({ id: 'window:7:0', name: 'Slides', kind: 'window', thumbnail: 'data:image/png;base64,AAAA' });
    expect(toScreenSource({ id: 'screen:0:0', name: 'Entire screen', thumbnail: image('') })).toMatchObject({ kind: 'screen', thumbnail: '' });
  });
});

describe('sourceForCapture', () => {
  const listed = [{ id: 'screen:0:0' }, { id: 'window:42:0' }];

  it('answers with the picked source, once', async () => {
    const choice = new ScreenChoice(() => 1_000);
    choice.offered(listed.map((s) => s.id));
    choice.choose('window:42:0');
    await expect(sourceForCapture(choice, async () => listed)).resolves.toEqual({ source: { id: 'window:42:0' } });
    await expect(sourceForCapture(choice, async () => listed)).resolves.toMatchObject({ refused: expect.stringMatching(/nobody picked/) });
  });

  it('refuses without listing anything when nothing was picked', async () => {
    let listings = 0;
    const answer = await sourceForCapture(new ScreenChoice(), async () => (listings++, listed));
    expect(answer).toMatchObject({ refused: expect.stringMatching(/nobody picked/) });
    expect(listings).toBe(0);
  });

  it('refuses when the picked source is gone or the sources cannot be listed', async () => {
    const choice = new ScreenChoice(() => 1_000);
    choice.offered(['window:42:0']);
    choice.choose('window:42:0');
    await expect(sourceForCapture(choice, async () => [{ id: 'screen:0:0' }])).resolves.toMatchObject({ refused: expect.stringMatching(/window:42:0 is gone/) });
    choice.choose('window:42:0');
    await expect(sourceForCapture(choice, () => Promise.reject(new Error('no display')))).resolves.toMatchObject({ refused: expect.stringMatching(/no display/) });
  });
});
