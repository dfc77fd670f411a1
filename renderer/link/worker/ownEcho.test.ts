import { describe, expect, it } from 'vitest';
import { OwnEcho } from './ownEcho';

const bytes = (text: string) => new TextEncoder().encode(text);
const OWN = 'classroom/v1/class/c1/board/ops/teacher1';

describe("a console's own echo", () => {
  it('is recognised by topic and exact bytes, again on a redelivery', () => {
    const echo = new OwnEcho();
    echo.sent(OWN, bytes('{"v":1,"session":"tab-1","seq":1}'));
    expect(echo.isEcho(OWN, bytes('{"v":1,"session":"tab-1","seq":1}'))).toBe(true);
    expect(echo.isEcho(OWN, bytes('{"v":1,"session":"tab-1","seq":1}'))).toBe(true);
  });

  it("lets another window of the same user through: same topic, other bytes", () => {
    const echo = new OwnEcho();
    echo.sent(OWN, bytes('{"v":1,"session":"tab-1","seq":1}'));
    expect(echo.isEcho(OWN, bytes('{"v":1,"session":"tab-2","seq":1}'))).toBe(false);
    expect(echo.isEcho(OWN, bytes('{"v":1,"session":"tab-1","seq":2}'))).toBe(false);
  });

  it('never matches the same bytes on another topic', () => {
    const echo = new OwnEcho();
    echo.sent(OWN, bytes('{"v":1}'));
    expect(echo.isEcho('classroom/v1/class/c1/board/ops/student1', bytes('{"v":1}'))).toBe(false);
  });

  it('forgets the oldest payloads beyond its entries and its bytes', () => {
    const byCount = new OwnEcho(3, 1_000_000);
    for (let i = 0; i < 5; i++) byCount.sent(OWN, bytes(`op ${i}`));
    expect(byCount.size).toBe(3);
    expect(byCount.isEcho(OWN, bytes('op 1'))).toBe(false);
    expect(byCount.isEcho(OWN, bytes('op 2'))).toBe(true);

    const byBytes = new OwnEcho(100, 10);
    byBytes.sent(OWN, bytes('aaaaaa'));
    byBytes.sent(OWN, bytes('bbbbbb'));
    expect(byBytes.isEcho(OWN, bytes('aaaaaa'))).toBe(false);
    expect(byBytes.isEcho(OWN, bytes('bbbbbb'))).toBe(true);
    byBytes.sent('other', bytes('cccccc'));
    expect(byBytes.isEcho(OWN, bytes('bbbbbb'))).toBe(false);
  });

  it('keeps one entry for a payload sent again (a resend after a reconnect)', () => {
    const echo = new OwnEcho(2, 1_000);
    const payload = bytes('op');
    echo.sent(OWN, payload);
    echo.sent(OWN, payload);
    echo.sent(OWN, bytes('other'));
    expect(echo.isEcho(OWN, payload)).toBe(true);
  });
});
