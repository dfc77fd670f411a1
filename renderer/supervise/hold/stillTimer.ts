/**
 * Calls `onStill` once `stillMs` have passed since the last `touch`. One timer however often it is touched (a pointer
 * moves hundreds of times a second): when it fires early, it waits out the rest.
 */
export class StillTimer {
  private last = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly stillMs: number,
    private readonly onStill: () => void,
  ) {}

  touch(): void {
    this.last = Date.now();
    this.timer ??= setTimeout(this.check, this.stillMs);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly check = () => {
    const left = this.last + this.stillMs - Date.now();
    if (left > 0) {
      this.timer = setTimeout(this.check, left);
      return;
    }
    this.timer = undefined;
    this.onStill();
  };
}
