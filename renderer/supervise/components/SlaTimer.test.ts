import { describe, expect, it } from 'vitest';
import { paintSlaTimer } from './SlaTimer';

/** A span that counts what is written to it, which is what costs style and layout in the page. */
function span() {
  const written = { text: 0, className: 0 };
  let text = '';
  let className = 'sla';
  const element = {
    get textContent() {
      return text;
    },
    set textContent(value: string) {
      written.text++;
      text = value;
    },
    get className() {
      return className;
    },
    set className(value: string) {
      written.className++;
      className = value;
    },
  };
  return { element: element as unknown as HTMLElement, written };
}

describe('paintSlaTimer', () => {
  it('shows the elapsed time and its SLA band', () => {
    const { element } = span();
    paintSlaTimer(element, 7_400);
    expect(element.textContent).toBe('0:07');
    expect(element.className).toBe('sla sla-ok');
    paintSlaTimer(element, 2 * 60_000 + 5_000);
    expect(element.textContent).toBe('2:05');
    expect(element.className).toBe('sla sla-warn');
    paintSlaTimer(element, 61 * 60_000 + 3_000);
    expect(element.textContent).toBe('1:01:03');
    expect(element.className).toBe('sla sla-breach');
  });

  it('never shows a negative time when the start is a little in the future', () => {
    const { element } = span();
    paintSlaTimer(element, -1_500);
    expect(element.textContent).toBe('0:00');
    expect(element.className).toBe('sla sla-ok');
  });

  it('leaves the span alone when a tick does not change what it shows', () => {
    const { element, written } = span();
    paintSlaTimer(element, 3_000);
    paintSlaTimer(element, 3_400);
    paintSlaTimer(element, 3_900);
    expect(written).toEqual({ text: 1, className: 1 });
    paintSlaTimer(element, 4_000);
    expect(written).toEqual({ text: 2, className: 1 });
  });
});
