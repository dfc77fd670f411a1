import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { STATUS_FORMAT, type ReleasePlatform, type ReleaseRing, type ReleaseStatus, type SignedDocument } from '../../shared/releases/documents';
import { DiskAuditLog, type AuditLog } from '../dispatcher/audit-log';
import * as actions from './admin-actions';
import { AdoptionTracker } from './adoption';
import { ArtifactStore } from './artifact-store';
import { decideOffer, type InstallCheck, type Offer } from './decide';
import { ReleaseError } from './errors';
import { FeedRenderer } from './feed';
import { GateKeeper } from './gate-keeper';
import { DEFAULT_GATE, type GateThresholds, type HealthCounts } from './health-gate';
import type { ReleaseRecord, ReleasesState, RingConfig } from './model';
import { ReleaseBook, findRelease, type Actor, type ChangeResult } from './release-book';
import { ReleaseSigningKey } from './signing-key';
import { StateFile } from './state-file';

export interface ReleaseServiceOptions {
  /** Where state, artifacts, the signing key and the audit log live; null: a temporary folder removed at close. */
  dir: string | null;
  /** The largest artifact accepted (2 GiB by default). */
  maxArtifactBytes?: number;
  gate?: Partial<GateThresholds>;
  /** How often adoption is sampled for its history (the chart's points); 60 s by default. */
  adoptionSampleMs?: number;
  onError?(error: unknown): void;
}

export interface UploadInput {
  version: string;
  name: string;
  platform: ReleasePlatform | null;
  size: number;
  sha512: string;
  blockMapSize?: number;
}

export const DEFAULT_MAX_ARTIFACT_BYTES = 2 * 1024 ** 3;
const SAMPLE_EVERY_MS = 60_000;

/**
 * The release service: releases and their signed manifests, the electron-updater feed computed per install,
 * artifacts with range requests, rings and staged percentages, halt, revoke, the health gate, adoption and the audit
 * log. Admin actions are serialized through one ReleaseBook; checks read the current state without waiting.
 */
export class ReleaseService {
  private readonly feeds: FeedRenderer;
  private readonly sampler: NodeJS.Timeout;
  private versions = new Map<string, ReleaseRecord>();
  readonly adoption = new AdoptionTracker();

  private constructor(
    readonly dir: string,
    private readonly temporary: boolean,
    readonly signing: ReleaseSigningKey,
    readonly audit: AuditLog,
    private readonly book: ReleaseBook,
    private readonly artifacts: ArtifactStore,
    readonly gate: GateKeeper,
    private readonly maxArtifactBytes: number,
    adoptionSampleMs: number,
  ) {
    this.feeds = new FeedRenderer(signing);
    const refresh = () => {
      this.versions = new Map(book.state.releases.map((r) => [r.version, r]));
      this.feeds.invalidate();
    };
    refresh();
    book.onChange(refresh);
    this.sampler = setInterval(() => this.adoption.sample(Date.now()), adoptionSampleMs);
    this.sampler.unref();
  }

  static async open(options: ReleaseServiceOptions): Promise<ReleaseService> {
    const temporary = options.dir === null;
    const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'classroom-releases-')));
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const signing = await ReleaseSigningKey.open(dir);
      const file = new StateFile(dir);
      const state = await file.load();
      const audit = await DiskAuditLog.open(join(dir, 'audit'), options.onError);
      const artifacts = new ArtifactStore(join(dir, 'artifacts'));
      await artifacts.open();
      const book = new ReleaseBook(state, file, audit);
      const gate = new GateKeeper({ ...DEFAULT_GATE, ...options.gate }, book, options.onError ?? (() => {}));
      return new ReleaseService(dir, temporary, signing, audit, book, artifacts, gate, options.maxArtifactBytes ?? DEFAULT_MAX_ARTIFACT_BYTES, options.adoptionSampleMs ?? SAMPLE_EVERY_MS);
    } catch (error) {
      if (temporary) await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  get state(): ReleasesState {
    return this.book.state;
  }

  /** Called after every change, once it is saved and audited. */
  onChange(listener: () => void): void {
    this.book.onChange(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.sampler);
    await this.book.idle();
    await this.audit.flushed();
    if (this.temporary) await rm(this.dir, { recursive: true, force: true });
  }

  // ——— installs ———

  /** Answers one check: the offer, the feed text (null when there is nothing to name), and the check is counted. */
  check(check: InstallCheck, at = Date.now()): { offer: Offer; feed: string | null } {
    const offer = decideOffer(this.book.state, check, this.versions);
    if (check.installId !== null && check.currentVersion !== null) this.adoption.record(check.installId, check.currentVersion, offer.ring, at);
    return { offer, feed: this.feeds.render(offer, check.platform, check.currentVersion) };
  }

  /** The signed state of a version for one install's nonce: what it checks before installing a download. */
  status(version: string, nonce: string, at = Date.now()): SignedDocument {
    const release = this.versions.get(version);
    const [state, reason]: [ReleaseStatus['state'], string] = !release?.published
      ? ['unknown', 'no such published release']
      : release.revoked
        ? ['revoked', release.revoked.reason]
        : release.halted
          ? ['halted', release.halted.reason]
          : ['active', ''];
    const status: ReleaseStatus = { format: STATUS_FORMAT, version, state, reason, nonce, issuedAt: at };
    return this.signing.sign(status);
  }

  /**
   * The file to send for `/files/<version>/<name>`: blockmaps always (differential downloads read the old one), an
   * installer only while its release is live, so no install starts downloading a halted or revoked version.
   */
  fileFor(version: string, name: string): string {
    const release = this.versions.get(version);
    if (!release?.published) throw new ReleaseError(404, 'not-found', `no published release ${version}`);
    const isBlockmap = release.artifacts.some((a) => a.blockmap && `${a.name}.blockmap` === name);
    if (!isBlockmap) {
      if (!release.artifacts.some((a) => a.name === name)) throw new ReleaseError(404, 'not-found', `${version} has no file ${name}`);
      if (release.revoked) throw new ReleaseError(410, 'revoked', `${version} was revoked: ${release.revoked.reason}`);
      if (release.halted) throw new ReleaseError(410, 'halted', `${version} is halted: ${release.halted.reason}`);
    }
    return this.artifacts.pathOf(version, name);
  }

  // ——— admin actions ———

  createRelease(actor: Actor, input: { version: string; channel: string; notes: string }): Promise<ChangeResult> {
    return this.book.change(actor, actions.createRelease(input, actor.id, Date.now()));
  }

  /**
   * Streams the file to disk, checking its size and sha512 against what the uploader declared, and adds it to the
   * draft release only then; a refused upload leaves the release as it was.
   */
  async upload(actor: Actor, input: UploadInput, body: Readable): Promise<ChangeResult> {
    const blockmap = input.name.endsWith('.blockmap');
    const platform = blockmap ? null : (input.platform ?? actions.platformOf(input.name));
    if (!blockmap && !platform) throw new ReleaseError(400, 'unsupported-file', `${input.name} is not an installer electron-updater knows (AppImage, deb, rpm, exe, zip, dmg); name the platform`);
    if (input.blockMapSize !== undefined && input.blockMapSize >= input.size) throw new ReleaseError(400, 'bad-params', 'blockMapSize must be smaller than the file');
    actions.checkUploadable(this.book.state, input.version, input.name);
    const file = await this.artifacts.receive(body, { size: input.size, sha512: input.sha512, maxBytes: this.maxArtifactBytes });
    try {
      const { size, sha512 } = file;
      const mutation = blockmap
        ? actions.addBlockmap(input.version, input.name, { size, sha512 })
        : actions.addArtifact(input.version, { platform: platform!, name: input.name, size, sha512, uploadedAt: Date.now(), ...(input.blockMapSize ? { blockMapSize: input.blockMapSize } : {}) });
      return await this.book.change(actor, mutation, () => this.artifacts.commit(file, input.version, input.name));
    } catch (error) {
      await this.artifacts.discard(file);
      throw error;
    }
  }

  publish(actor: Actor, version: string): Promise<ChangeResult> {
    return this.book.change(actor, actions.publish(version, actor.id, Date.now(), this.signing));
  }

  setRollout(actor: Actor, version: string, ring: ReleaseRing, percent: number, reason: string): Promise<ChangeResult> {
    return this.book.change(actor, actions.setRollout(version, ring, percent, reason));
  }

  promote(actor: Actor, version: string, to: ReleaseRing | undefined, percent: number, reason: string): Promise<ChangeResult> {
    return this.book.change(actor, actions.promote(version, to, percent, reason));
  }

  halt(actor: Actor, version: string, reason: string): Promise<ChangeResult> {
    return this.book.change(actor, actions.halt(version, reason, actor.id, Date.now(), actor.kind === 'release-gate'));
  }

  resume(actor: Actor, version: string, reason: string): Promise<ChangeResult> {
    return this.book.change(actor, actions.resume(version, reason));
  }

  revoke(actor: Actor, version: string, reason: string): Promise<ChangeResult> {
    return this.book.change(actor, actions.revoke(version, reason, actor.id, Date.now()));
  }

  setRings(actor: Actor, config: RingConfig): Promise<ChangeResult> {
    return this.book.change(actor, actions.setRings(config));
  }

  release(version: string): ReleaseRecord {
    return findRelease(this.book.state, version);
  }

  // ——— the health gate's input ———

  /**
   * Classroom counts for one app version (and ring, when known): the health gate's input. The classroom side calls it
   * as problem tags and class entries arrive (services/releases/health-intake.ts, on the service host).
   */
  recordClassroomCounts(version: string, ring: ReleaseRing | null, counts: HealthCounts): void {
    this.gate.record(version, ring, counts);
  }
}
