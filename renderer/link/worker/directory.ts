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

/** Changes kept as they came before the first page says where the list stands; more means it is not being read. */
const MAX_EARLY = 200;

/** Reading the pages: where the first page stood, and the changes since, merged to the newest summary per class. */
interface Paging {
  epoch: string | null;
  /** The first page's `seq`: changes up to it are in the pages. */
  seq: number;
  /** Changes that came before the first page, kept as they came. */
  early: DirectoryChanges[];
  /** The last change merged, in order since the first page's `seq`. */
  mergedSeq: number;
  merged: Map<string, ClassSummary>;
}

/**
 * A supervisor's whole class list without a retained message per class: the directory's `list` pages, then its
 * numbered `directoryChanges`. Changes that arrive while the pages are read are merged (the newest summary per class,
 * so a busy directory cannot outgrow what is kept) and only those after the first page's `seq` are shown, once every
 * page is in. A change from another run of the directory (another `epoch`) or after a gap in `seq` means something
 * was missed: the list is read again.
 */
export class DirectoryFollower {
  private following: { epoch: string; seq: number } | null = null;
  private paging: Paging | null = null;
  /** Counts the readings of the list: an answer to a page of an earlier reading is ignored. */
  private reading = 0;

  constructor(private readonly port: DirectoryPort) {}

  /** Reads the list from its first page (after each connection: whatever was followed before may have moved on). */
  start(): void {
    this.following = null;
    this.paging = { epoch: null, seq: 0, early: [], mergedSeq: 0, merged: new Map() };
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
      paging.mergedSeq = page.seq;
      for (const changes of paging.early.splice(0)) {
        if (!this.merge(paging, changes)) return; // a gap in what came early: the list is being read again
      }
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
    this.following = { epoch: paging.epoch, seq: paging.mergedSeq };
    if (paging.merged.size > 0) this.port.summaries([...paging.merged.values()]);
  }

  changes(changes: DirectoryChanges): void {
    const paging = this.paging;
    if (paging) {
      if (paging.epoch !== null) this.merge(paging, changes);
      else if (paging.early.length < MAX_EARLY) paging.early.push(changes);
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

  /** Adds a change that came while the pages are read; false when it shows something was missed (reading again). */
  private merge(paging: Paging, changes: DirectoryChanges): boolean {
    if (changes.epoch !== paging.epoch || changes.seq > paging.mergedSeq + 1) {
      this.start();
      return false;
    }
    if (changes.seq <= paging.mergedSeq) return true; // in the pages already, or delivered twice
    paging.mergedSeq = changes.seq;
    for (const summary of changes.summaries) {
      paging.merged.delete(summary.id); // newest last, as the port expects
      paging.merged.set(summary.id, summary);
    }
    return true;
  }

  failed(reason: string, reading: number): void {
    if (!this.paging || reading !== this.reading) return;
    this.stop();
    this.port.fallBack(reason);
  }
}
