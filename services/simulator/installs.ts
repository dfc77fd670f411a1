import { z } from 'zod';
import { FAULT_TAGS, type FaultTag } from './faults';
import { Prng } from './prng';

/** What an install's check is answered with, as the release service decides it (services/releases/decide.ts). */
export type CheckAnswer = { kind: 'update' | 'rollback'; version: string; ring: string } | { kind: 'stay'; ring: string };

/** The release service as simulated installs reach it: the feed's check and the signed status before installing. */
export interface ReleaseDesk {
  check(check: { installId: string; currentVersion: string; at: number }): CheckAnswer;
  /** `active` lets a downloaded update install; anything else discards it. */
  status(version: string): 'active' | 'halted' | 'revoked' | 'unknown';
}

/** A simulated participant's desk in the live simulation (LiveSimulation.desks). */
export interface SeatDesk {
  classId: string;
  userId: string;
  appVersion: string;
  /** Their class is live and they are in it: nothing installs now. */
  inClass: boolean;
}

/** The classroom side the installs act on: the simulated seats, their app version, and faults. */
export interface ClassroomDesks {
  desks(): readonly SeatDesk[];
  /** The seat's desk installed `version`: its presence says so. */
  runVersion(classId: string, userId: string, version: string): void;
  /** Starts a fault on the seat; false when it cannot be carried there now (the class already has one, say). */
  inject(classId: string, userId: string, tag: FaultTag): boolean;
}

export const InstallsSchema = z
  .object({
    /** Installs in all; the first ones are the simulated participants' desks, the rest desks without a simulated class. */
    count: z.number().int().min(0).max(200_000).default(2_000),
    /** Each install checks this often (spread evenly over the interval). */
    pollMs: z.number().int().min(100).max(86_400_000).default(60_000),
    /** What desks without a simulated seat run at first (seats run what the simulator gave them). */
    startVersion: z.string().min(1).max(64).default('1.9.2'),
    /** Releases with a defect: every class that runs one gets `badTag` on its participant running it. */
    badVersions: z.array(z.string().min(1).max(64)).max(20).default([]),
    badTag: z.enum(FAULT_TAGS).default('course.load-failed'),
    /** A participant running a bad version meets its defect again this long after the last time. */
    badEveryMs: z.number().int().min(0).max(86_400_000).default(60_000),
    /** Desks without a simulated seat have a class for `classMs` of every `periodMs` (phase per desk). */
    schedule: z
      .object({ periodMs: z.number().int().min(1_000).default(3_600_000), classMs: z.number().int().min(0).default(2_400_000) })
      .strict()
      .prefault({}),
    seed: z.number().int().default(7),
  })
  .strict();
export type InstallsOptions = z.infer<typeof InstallsSchema>;
export type InstallsInput = z.input<typeof InstallsSchema>;

interface Install {
  id: string;
  /** Index into the classroom's desks, for a seat's desk; null for a desk without a simulated class. */
  seat: { classId: string; userId: string } | null;
  version: string;
  /** Downloaded, waiting to install outside class. */
  downloaded: { version: string; kind: 'update' | 'rollback' } | null;
  nextCheckAt: number;
  phaseMs: number;
  lastDefectAt: number;
}

/**
 * Simulated installs of the app polling the release service like real clients: each has an install id, asks with
 * the version it runs (the service places it in a ring), downloads what it is offered, and installs it only outside
 * its class, after asking for the version's status (a halted or revoked download is discarded). A participant of a
 * simulated class whose desk runs a bad version meets that version's defect in class (a fault injected there), so
 * the tagger raises problem tags the health gate counts for that version.
 */
export class SimulatedInstalls {
  private readonly installs: Install[] = [];
  readonly counts = { checks: 0, installs: 0, discarded: 0, defects: 0 };

  constructor(
    readonly options: InstallsOptions,
    private readonly service: ReleaseDesk,
    private readonly classroom: ClassroomDesks,
    startedAt: number,
  ) {
    const prng = new Prng(options.seed);
    const seats = classroom.desks();
    for (let i = 0; i < options.count; i++) {
      const seat = seats[i];
      this.installs.push({
        id: `sim-desk-${String(i + 1).padStart(6, '0')}`,
        seat: seat ? { classId: seat.classId, userId: seat.userId } : null,
        version: seat?.appVersion ?? options.startVersion,
        downloaded: null,
        nextCheckAt: startedAt + Math.floor(prng.next() * options.pollMs),
        phaseMs: Math.floor(prng.next() * options.schedule.periodMs),
        lastDefectAt: -Infinity,
      });
    }
  }

  /** Installs per version now. */
  versions(): Map<string, number> {
    const tally = new Map<string, number>();
    for (const install of this.installs) tally.set(install.version, (tally.get(install.version) ?? 0) + 1);
    return tally;
  }

  /** Installs on `version` that are in class now (they keep it until their class is over) and out of class. */
  onVersion(version: string, now: number): { inClass: number; outOfClass: number } {
    const seats = new Map(this.classroom.desks().map((d) => [`${d.classId}/${d.userId}`, d]));
    const tally = { inClass: 0, outOfClass: 0 };
    for (const install of this.installs) {
      if (install.version !== version) continue;
      const seat = install.seat ? seats.get(`${install.seat.classId}/${install.seat.userId}`) : undefined;
      if (seat ? seat.inClass : this.scheduledClass(install, now)) tally.inClass++;
      else tally.outOfClass++;
    }
    return tally;
  }

  /** Everything due by `now`: checks, installs outside class, and defects of bad versions in class. */
  advance(now: number): void {
    const seats = new Map(this.classroom.desks().map((d) => [`${d.classId}/${d.userId}`, d]));
    const bad = new Set(this.options.badVersions);
    for (const install of this.installs) {
      const seat = install.seat ? seats.get(`${install.seat.classId}/${install.seat.userId}`) : undefined;
      const inClass = seat ? seat.inClass : this.scheduledClass(install, now);
      if (install.nextCheckAt <= now) {
        install.nextCheckAt += this.options.pollMs * Math.max(1, Math.ceil((now - install.nextCheckAt + 1) / this.options.pollMs));
        if (!inClass) this.installDownloaded(install);
        this.check(install, now);
      }
      if (seat && inClass && bad.has(install.version) && now - install.lastDefectAt >= this.options.badEveryMs) {
        if (this.classroom.inject(seat.classId, seat.userId, this.options.badTag)) {
          install.lastDefectAt = now;
          this.counts.defects++;
        }
      }
    }
  }

  private scheduledClass(install: Install, now: number): boolean {
    const { periodMs, classMs } = this.options.schedule;
    return (now + install.phaseMs) % periodMs < classMs;
  }

  private check(install: Install, now: number): void {
    this.counts.checks++;
    const answer = this.service.check({ installId: install.id, currentVersion: install.version, at: now });
    if (answer.kind === 'stay') return;
    if (answer.version !== install.version && install.downloaded?.version !== answer.version) install.downloaded = { version: answer.version, kind: answer.kind };
  }

  private installDownloaded(install: Install): void {
    const downloaded = install.downloaded;
    if (!downloaded) return;
    install.downloaded = null;
    // A rollback goes back to a version its revoke mark names; an update installs only while its release is active.
    if (downloaded.kind === 'update' && this.service.status(downloaded.version) !== 'active') {
      this.counts.discarded++;
      return;
    }
    install.version = downloaded.version;
    this.counts.installs++;
    if (install.seat) this.classroom.runVersion(install.seat.classId, install.seat.userId, downloaded.version);
  }
}
