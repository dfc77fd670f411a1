import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePointerAway } from '../components/usePointerAway';

export interface MenuAction {
  /** `data-testid` of the item. */
  id: string;
  label: string;
  run(): void;
  danger?: boolean;
}

/**
 * A compact menu of actions for one person: a button that opens a list of menu items (the WAI-ARIA menu button
 * pattern). Arrow keys, Home and End move between items, Escape or Tab closes it, and focus comes back to the
 * button. The list is placed over the page, so a scrolling roster never clips it.
 */
/** About the height of one menu item, to decide whether the list fits below its button. */
const ITEM_HEIGHT = 32;

export function RosterMenu({ name, actions }: { name: string; actions: MenuAction[] }) {
  const { t } = useTranslation();
  const [position, setPosition] = useState<{ top?: number; bottom?: number; right: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const open = position !== null;

  const close = (refocus: boolean) => {
    setPosition(null);
    if (refocus) button.current?.focus();
  };
  // Below the button, or above it when the window has no room for the list below.
  const count = actions.length;
  const place = useCallback(() => {
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    const right = Math.max(8, window.innerWidth - rect.right);
    const below = window.innerHeight - rect.bottom;
    const wanted = count * ITEM_HEIGHT + 16;
    setPosition(below >= wanted || below >= rect.top ? { top: rect.bottom + 4, right } : { bottom: window.innerHeight - rect.top + 4, right });
  }, [count]);

  usePointerAway(open, [menu, button], () => close(false));
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    // The list stays by its button when the roster scrolls or the window changes size.
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open, place]);

  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => items[(index + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') focus(at + 1);
    else if (event.key === 'ArrowUp') focus(at - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(items.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  return (
    <>
      <button
        type="button"
        ref={button}
        className="small roster-menu-button"
        data-testid="roster-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('classroom.roster.actionsFor', { name })}
        onClick={() => (open ? close(false) : place())}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            place();
          }
        }}
      >
        {t('classroom.roster.actions')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          className="roster-menu"
          aria-label={t('classroom.roster.actionsFor', { name })}
          style={position}
          onKeyDown={onKeyDown}
        >
          {actions.map((action) => (
            <button
              key={action.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={action.danger ? 'danger' : undefined}
              data-testid={action.id}
              onClick={() => {
                close(true);
                action.run();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
