import { useEffect, useId, useRef } from 'react';
import { create } from 'zustand';
import { useLayoutTranslation } from '../layout/strings';

export type ShortcutGroup = 'board' | 'tools' | 'view' | 'class';
export type ShortcutAction =
  | 'undo' | 'redo' | 'delete'
  | 'select' | 'pen' | 'highlighter' | 'line' | 'arrow' | 'rect' | 'ellipse' | 'text' | 'eraser' | 'laser' | 'pan'
  | 'fitPage' | 'fitWidth' | 'zoomIn' | 'zoomOut'
  | 'nextPage' | 'previousPage' | 'help';

/** One key press: `mod` is Ctrl (⌘ on a Mac); `shift` when given must match, else it is not looked at. */
export interface KeyCombo {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export interface Shortcut {
  action: ShortcutAction;
  group: ShortcutGroup;
  keys: KeyCombo[];
  /** Only the teacher (or a supervisor who took over) has it. */
  teacher?: boolean;
}

const letter = (key: string): KeyCombo => ({ key, shift: false });

/** Every keyboard shortcut of the class screen, as the help lists them and as key presses are matched. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'undo', group: 'board', keys: [{ key: 'z', mod: true, shift: false }] },
  { action: 'redo', group: 'board', keys: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true, shift: false }] },
  { action: 'delete', group: 'board', keys: [{ key: 'Delete' }, { key: 'Backspace' }] },
  { action: 'select', group: 'tools', keys: [letter('v')] },
  { action: 'pen', group: 'tools', keys: [letter('p')] },
  { action: 'highlighter', group: 'tools', keys: [letter('m')] },
  { action: 'line', group: 'tools', keys: [letter('l')] },
  { action: 'arrow', group: 'tools', keys: [letter('a')] },
  { action: 'rect', group: 'tools', keys: [letter('r')] },
  { action: 'ellipse', group: 'tools', keys: [letter('o')] },
  { action: 'text', group: 'tools', keys: [letter('t')] },
  { action: 'eraser', group: 'tools', keys: [letter('e')] },
  { action: 'laser', group: 'tools', keys: [letter('k')] },
  { action: 'pan', group: 'tools', keys: [letter('h')] },
  { action: 'fitPage', group: 'view', keys: [letter('f')] },
  { action: 'fitWidth', group: 'view', keys: [letter('w')] },
  { action: 'zoomIn', group: 'view', keys: [{ key: '+' }, { key: '=' }] },
  { action: 'zoomOut', group: 'view', keys: [{ key: '-' }] },
  { action: 'nextPage', group: 'class', teacher: true, keys: [{ key: 'PageDown' }, { key: 'ArrowRight', shift: false }] },
  { action: 'previousPage', group: 'class', teacher: true, keys: [{ key: 'PageUp' }, { key: 'ArrowLeft', shift: false }] },
  { action: 'help', group: 'class', keys: [{ key: '?' }] },
];

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** The shortcut a key press is, if any. Alt is never part of one (it types characters on many layouts). */
export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.altKey) return null;
  const mod = press.ctrlKey || press.metaKey;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  for (const shortcut of SHORTCUTS) {
    for (const combo of shortcut.keys) {
      if (combo.key !== key || Boolean(combo.mod) !== mod) continue;
      if (combo.shift !== undefined && combo.shift !== press.shiftKey) continue;
      return shortcut.action;
    }
  }
  return null;
}

/**
 * Whether a key press belongs to what has the focus rather than to the board: any text field, list, menu or slider,
 * and anything behind an open dialog.
 */
export function keyBelongsToFocus(target: EventTarget | null): boolean {
  if (typeof document !== 'undefined' && document.querySelector('dialog[open]')) return true;
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('input, textarea, select, [role="menu"], [role="listbox"], [role="slider"], [role="textbox"]') !== null;
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function keyNames(combo: KeyCombo): string[] {
  const names: string[] = [];
  if (combo.mod) names.push(isMac() ? '⌘' : 'Ctrl');
  if (combo.shift) names.push('Shift');
  const named: Record<string, string> = { ArrowRight: '→', ArrowLeft: '←', PageDown: 'Page Down', PageUp: 'Page Up' };
  names.push(named[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key));
  return names;
}

interface HelpState {
  open: boolean;
}
const useShortcutsHelp = create<HelpState>(() => ({ open: false }));

/** Opens the keyboard shortcuts help (for a "Keyboard shortcuts" item anywhere, such as the header's menu). */
export function openShortcutsHelp(): void {
  useShortcutsHelp.setState({ open: true });
}

export function closeShortcutsHelp(): void {
  useShortcutsHelp.setState({ open: false });
}

/** A button that opens the help, for the class screen's bar. */
export function ShortcutsButton() {
  const { t } = useLayoutTranslation();
  return (
    <button type="button" className="small" data-testid="shortcuts-open" title="?" aria-keyshortcuts="Shift+?" onClick={openShortcutsHelp}>
      {t('shortcuts.open')}
    </button>
  );
}

/**
 * The keyboard shortcuts help: a modal dialog listing SHORTCUTS by group. "?" opens it (unless a text field has the
 * focus), Escape or Close closes it and the focus goes back where it was. Render it once.
 */
export function ShortcutsHelp() {
  const open = useShortcutsHelp((s) => s.open);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || keyBelongsToFocus(event.target) || shortcutFor(event) !== 'help') return;
      event.preventDefault();
      openShortcutsHelp();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return open ? <ShortcutsDialog /> : null;
}

function ShortcutsDialog() {
  const { t } = useLayoutTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    close.current?.focus();
    return () => {
      if (element?.open) element.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);
  const groups: ShortcutGroup[] = ['board', 'tools', 'view', 'class'];
  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      data-testid="shortcuts-help"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        closeShortcutsHelp();
      }}
    >
      <header>
        <h2 id={titleId}>{t('shortcuts.title')}</h2>
        <button type="button" ref={close} data-testid="shortcuts-close" onClick={closeShortcutsHelp}>
          {t('shortcuts.close')}
        </button>
      </header>
      <p className="hint">{t('shortcuts.intro')}</p>
      <div className="shortcuts-groups">
        {groups.map((group) => (
          <section key={group} aria-labelledby={`${titleId}-${group}`}>
            <h3 id={`${titleId}-${group}`}>{t(`shortcuts.group.${group}`)}</h3>
            <dl>
              {SHORTCUTS.filter((s) => s.group === group).map((shortcut) => (
                <div key={shortcut.action} data-testid="shortcut" data-action={shortcut.action}>
                  <dt>
                    {t(`shortcuts.action.${shortcut.action}`)}
                    {shortcut.teacher && <span className="shortcut-who"> ({t('shortcuts.teacherOnly')})</span>}
                  </dt>
                  <dd>
                    {shortcut.keys.map((combo, i) => (
                      <span key={i}>
                        {i > 0 && <span className="shortcut-or"> {t('shortcuts.or')} </span>}
                        {keyNames(combo).map((name, j) => (
                          <span key={j}>
                            {j > 0 && '+'}
                            <kbd>{name}</kbd>
                          </span>
                        ))}
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
