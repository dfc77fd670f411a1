import type { ReleaseRing } from '../../shared/releases/documents';

export interface AdoptionCount {
  version: string;
  ring: ReleaseRing;
  installs: number;
}

export interface AdoptionSample {
  at: number;
  counts: AdoptionCount[];
}

interface LastCheck {
  version: string;
  ring: ReleaseRing;
  at: number;
}

/**
 * Which version each install runs and in which ring, from the checks the service sees: an install counts for the
 * version it said it runs at its latest check within the window. Counts are computed when asked, so a check shows in
 * them at once; a sample per minute keeps the history a chart needs. Bounded: past `capacity` installs the one
 * silent longest is forgotten, and `historyLength` samples are kept.
 */
export class AdoptionTracker {
  private readonly installs = new Map<string, LastCheck>();
  private readonly history: AdoptionSample[] = [];
  forgotten = 0;

  constructor(
    private readonly options: { windowMs: number; capacity: number; historyLength: number } = { windowMs: 86_400_000, capacity: 1_000_000, historyLength: 1_440 },
  ) {}

  record(installId: string, version: string, ring: ReleaseRing, at: number): void {
    // Deleting first keeps the map in order of last check, so the first entry is always the one silent longest.
    this.installs.delete(installId);
    this.installs.set(installId, { version, ring, at });
    if (this.installs.size > this.options.capacity) {
      const oldest = this.installs.keys().next().value;
      if (oldest !== undefined) this.installs.delete(oldest);
      this.forgotten++;
    }
  }

  counts(now: number): AdoptionCount[] {
    const since = now - this.options.windowMs;
    const tally = new Map<string, AdoptionCount>();
    for (const check of this.installs.values()) {
      if (check.at < since) continue;
      const key = `${check.ring}\u0000${check.version}`;
      const entry = tally.get(key) ?? { version: check.version, ring: check.ring, installs: 0 };
      entry.installs++;
      tally.set(key, entry);
    }
    return [...tally.values()].sort((a, b) => a.ring.localeCompare(b.ring) || a.version.localeCompare(b.version));
  }

  sample(now: number): AdoptionSample {
    const sample = { at: now, counts: this.counts(now) };
    this.history.push(sample);
    if (this.history.length > this.options.historyLength) this.history.shift();
    return sample;
  }

  samples(): readonly AdoptionSample[] {
    return this.history;
  }
}
