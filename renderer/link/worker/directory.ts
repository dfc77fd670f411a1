import type { ClassSummary, DirectoryChanges } from '../../../shared/protocol/messages';
import type { DirectoryPage } from '../../../shared/protocol/rpc/directory';

/** What the follower asks of the link. */
export interface DirectoryPort {
  /** Asks the directory for the page of the list starting at `from`; the answer goes to `page` or `failed` with `reading`. */
  requestPage(from: number, reading: number): void;
  /** Summaries to show, newest last. */
  summaries(summaries: readonly ClassSummary[]): void;
  /** The list cannot be read page by page: the console reads the retained summaries instead. */
  fallBack(reason: string): void;
}

/** Changes kept while the pages are read; more than this many means the list is moving faster than it is read. */
const MAX_BUFFERED = 200;

/**
 * A supervisor's whole class list without a retained message per class: the directory's `list` pages, then its
 * numbered `directoryChanges`. Changes that arrive while the pages are read wait, and only those after the first
 * page's `seq` are applied, in order, once every page is in. A change from another run of the directory (another
 * `epoch`) or after a gap in `seq` means something was missed: the list is read again.
 */
export class DirectoryFollower {
  private following: { epoch: string; seq: number } | null = null;
  private paging: { epoch: string | null; seq: number; buffered: DirectoryChanges[] } | null = null;
  /** Counts the readings of the list: an answer to a page of an earlier reading is ignored. */
  private reading = 0;

  constructor(private readonly port: DirectoryPort) {}

  /** Reads the list from its first page (after each connection: whatever was followed before may have moved on). */
  start(): void {
    this.following = null;
    this.paging = { epoch: null, seq: 0, buffered: [] };
    this.port.requestPage(0, ++this.reading);
  }

  /** Stops following (signed out, or reading the retained summaries instead). */
  stop(): void {
    this.following = null;
    this.paging = null;
  }

  page(page: DirectoryPage, reading: number): void {
    const paging = this.paging;
    if (!paging || reading !== this.reading) return;
    if (paging.epoch === null) {
      paging.epoch = page.epoch;
      paging.seq = page.seq;
    } else if (page.epoch !== paging.epoch) {
      this.start(); // the directory restarted between two pages
      return;
    }
    this.port.summaries(page.summaries);
    if (page.next !== null) {
      this.port.requestPage(page.next, reading);
      return;
    }
    this.paging = null;
    this.following = { epoch: paging.epoch, seq: paging.seq };
    for (const changes of paging.buffered) {
      this.changes(changes);
      if (!this.following) return; // a gap in what waited: the list is being read again
    }
  }

  changes(changes: DirectoryChanges): void {
    if (this.paging) {
      if (this.paging.buffered.length < MAX_BUFFERED) this.paging.buffered.push(changes);
      else this.start();
      return;
    }
    const following = this.following;
    if (!following) return;
    if (changes.epoch !== following.epoch || changes.seq > following.seq + 1) {
      this.start();
      return;
    }
    if (changes.seq <= following.seq) return; // already in the pages, or delivered twice
    following.seq = changes.seq;
    this.port.summaries(changes.summaries);
  }

  failed(reason: string, reading: number): void {
    if (!this.paging || reading !== this.reading) return;
    this.stop();
    this.port.fallBack(reason);
  }
}
