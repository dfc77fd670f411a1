import { el } from './dom';
import { text } from './strings';

/** The board's colours, by name: the name is what a screen reader says and what the tooltip shows. */
export const SWATCHES = [
  { name: 'black', hex: '#1f2937' },
  { name: 'grey', hex: '#9ca3af' },
  { name: 'red', hex: '#ef4444' },
  { name: 'orange', hex: '#f97316' },
  { name: 'yellow', hex: '#facc15' },
  { name: 'green', hex: '#16a34a' },
  { name: 'blue', hex: '#2563eb' },
  { name: 'purple', hex: '#7c3aed' },
  { name: 'white', hex: '#ffffff' },
] as const;
export type SwatchName = (typeof SWATCHES)[number]['name'];

export interface Swatches {
  element: HTMLElement;
  /** Marks the swatch of `hex` as the current one (none when the colour is not one of them). */
  mark(hex: string): void;
  setDisabled(disabled: boolean): void;
}

/**
 * A row of colour swatches: buttons named by their colour, the current one pressed (aria-pressed) and ringed.
 * `choose` gets the colour's hex code.
 */
export function buildSwatches(current: string, choose: (hex: string) => void): Swatches {
  const group = el('div', { className: 'board-swatches' }, 'board-swatches');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', text('colour'));
  const buttons = SWATCHES.map(({ name, hex }) => {
    const button = el('button', { type: 'button', className: 'board-swatch', title: text(`swatch.${name}`) }, `board-swatch-${name}`);
    button.setAttribute('aria-label', text(`swatch.${name}`));
    button.dataset.colour = hex;
    button.style.setProperty('--swatch', hex);
    button.addEventListener('click', () => {
      choose(hex);
      mark(hex);
    });
    group.append(button);
    return button;
  });
  const mark = (hex: string) => {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.colour === hex));
  };
  mark(current);
  return {
    element: group,
    mark,
    setDisabled: (disabled) => {
      for (const button of buttons) button.disabled = disabled;
    },
  };
}
