import { stringify } from 'yaml';
import { REVOKE_FORMAT, type ReleasePlatform, type RevokeMark, type SignedDocument } from '../../shared/releases/documents';
import type { Offer } from './decide';
import type { ReleaseRecord } from './model';

/** A feed file electron-updater's generic provider asks for, and what it means. */
export interface FeedFile {
  channel: string;
  platform: ReleasePlatform;
}

/**
 * Parses the name electron-updater asks for: `<channel>.yml` on Windows, `<channel>-mac.yml` on macOS,
 * `<channel>-linux.yml` (or `-linux-<arch>.yml`) on Linux. Null for any other name.
 */
export function parseFeedFile(name: string): FeedFile | null {
  const match = /^([a-z][a-z0-9-]{0,31}?)(-mac|-linux(?:-[a-z0-9]{2,12})?)?\.yml$/.exec(name);
  if (!match) return null;
  const suffix = match[2] ?? '';
  const platform: ReleasePlatform = suffix === '-mac' ? 'mac' : suffix.startsWith('-linux') ? 'linux' : 'win';
  return { channel: match[1]!, platform };
}

/** An artifact's address relative to the feed (`…/releases/feed/`), so it works behind any path prefix. */
export function artifactPath(version: string, name: string): string {
  return `../files/${encodeURIComponent(version)}/${encodeURIComponent(name)}`;
}

export interface FeedSigner {
  sign(value: object): SignedDocument;
}

/**
 * Renders `latest*.yml` for an offer, in the shape electron-updater reads (version, files with url, sha512, size and
 * blockMapSize, the legacy path and sha512, releaseDate, releaseNotes), plus the release service's signed manifest and,
 * for a rollback, the signed revoke mark under `classroom`. Feeds are cached until the state changes: a check costs a
 * decision and a map lookup.
 */
export class FeedRenderer {
  private readonly cache = new Map<string, string>();

  constructor(private readonly signer: FeedSigner) {}

  /** Forget every rendered feed; called on every change of the release state. */
  invalidate(): void {
    this.cache.clear();
  }

  /** The feed for an offer; null for `stay` when the running version is unknown (nothing to name). */
  render(offer: Offer, platform: ReleasePlatform, currentVersion: string | null): string | null {
    if (offer.kind === 'stay') {
      if (currentVersion === null) return null;
      return this.cached(`stay|${currentVersion}|${offer.ring}`, () => stringify({ version: currentVersion, files: [], classroom: { ring: offer.ring, offer: 'stay' } }));
    }
    const revoked = offer.kind === 'rollback' ? offer.revoked : null;
    const key = `${offer.kind}|${offer.release.version}|${platform}|${offer.ring}|${revoked?.version ?? ''}`;
    return this.cached(key, () => this.renderRelease(offer.release, platform, offer.ring, revoked));
  }

  private cached(key: string, make: () => string): string {
    let text = this.cache.get(key);
    if (text === undefined) {
      text = make();
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, text);
    }
    return text;
  }

  private renderRelease(release: ReleaseRecord, platform: ReleasePlatform, ring: string, revoked: ReleaseRecord | null): string {
    if (!release.published) throw new Error(`${release.version} is not published`);
    const files = release.artifacts
      .filter((a) => a.platform === platform)
      .map((a) => ({ url: artifactPath(release.version, a.name), sha512: a.sha512, size: a.size, ...(a.blockMapSize ? { blockMapSize: a.blockMapSize } : {}) }));
    const first = files[0]!;
    const classroom: Record<string, unknown> = { ring, offer: revoked ? 'rollback' : 'update', manifest: release.published.manifest };
    if (revoked?.revoked) {
      const mark: RevokeMark = {
        format: REVOKE_FORMAT,
        revoked: revoked.version,
        target: release.version,
        reason: revoked.revoked.reason,
        revokedAt: revoked.revoked.at,
      };
      classroom.revoke = this.signer.sign(mark);
    }
    return stringify({
      version: release.version,
      files,
      path: first.url,
      sha512: first.sha512,
      releaseDate: new Date(release.published.at).toISOString(),
      releaseNotes: release.notes,
      classroom,
    });
  }
}
