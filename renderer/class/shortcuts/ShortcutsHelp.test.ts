import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor } from './ShortcutsHelp';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('tells undo from redo by Shift, with Ctrl or ⌘', () => {
    expect(shortcutFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(press('z', { metaKey: true }))).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }))).toBe('redo');
  });

  it('picks tools by a plain letter, in either case, but not with Shift, Ctrl or Alt', () => {
    expect(shortcutFor(press('p'))).toBe('pen');
    expect(shortcutFor(press('R'))).toBe('rect');
    expect(shortcutFor(press('R', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('p', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('p', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('z'))).toBeNull();
  });

  it('turns pages, deletes, zooms and opens the help', () => {
    expect(shortcutFor(press('PageDown'))).toBe('nextPage');
    expect(shortcutFor(press('ArrowLeft'))).toBe('previousPage');
    expect(shortcutFor(press('ArrowLeft', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('Delete'))).toBe('delete');
    expect(shortcutFor(press('Backspace'))).toBe('delete');
    expect(shortcutFor(press('+', { shiftKey: true }))).toBe('zoomIn');
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help');
  });

  it('gives every key press at most one meaning', () => {
    const seen = new Map<string, string>();
    for (const shortcut of SHORTCUTS) {
      for (const combo of shortcut.keys) {
        const id = `${combo.mod ? 'mod+' : ''}${combo.shift === true ? 'shift+' : ''}${combo.key}`;
        expect(seen.get(id), id).toBeUndefined();
        seen.set(id, shortcut.action);
      }
    }
  });
});
