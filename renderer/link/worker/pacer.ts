/**
 * When the worker posts a batch to the UI thread: at the next frame after something changed, and never while the UI
 * thread has not applied the batch before (one batch in flight). Until it has, traffic gathers in the next batch
 * (coalesced where the batch coalesces): a busy UI thread then takes fewer, larger batches instead of a queue of one
 * per frame, each of which cost it a pass over every class on a supervisor's wall.
 */
export class BatchPacer {
  private frameRequested = false;
  private inFlight = false;
  private wanted = false;

  constructor(
    private readonly requestFrame: (callback: () => void) => void,
    private readonly flush: () => void,
  ) {}

  /** Something for the UI thread was gathered. */
  schedule(): void {
    this.wanted = true;
    if (this.frameRequested || this.inFlight) return;
    this.frameRequested = true;
    this.requestFrame(() => {
      this.frameRequested = false;
      this.wanted = false;
      this.inFlight = true;
      this.flush();
    });
  }

  /** The UI thread applied the batch in flight. */
  applied(): void {
    this.inFlight = false;
    if (this.wanted) this.schedule();
  }
}
