import type { IncomingHttpHeaders } from 'node:http';
import { valid, validRange } from 'semver';
import { RELEASE_RINGS, type ReleaseRing } from '../../shared/releases/documents';
import type { InstallCheck } from './decide';
import { ReleaseError } from './errors';
import type { FeedFile } from './feed';

const INSTALL_ID = /^[A-Za-z0-9_-]{1,128}$/;
const GROUP = /^[a-z]+:[A-Za-z0-9_.-]{1,64}$/;

/**
 * Reads who asks from a feed request: each of install id, ring, groups, running version and pin as a query parameter
 * (kept on every URL electron-updater derives from the feed URL) or a header (electron-updater's `requestHeaders`).
 * Without either, the install id is electron-updater's own `x-user-staging-id`. Anything malformed is refused.
 */
export function readInstallCheck(url: URL, headers: IncomingHttpHeaders, feed: FeedFile): InstallCheck {
  const pick = (param: string, header: string): string | null => {
    const value = url.searchParams.get(param) ?? headers[header];
    return typeof value === 'string' && value.length > 0 ? value : null;
  };
  const installId = pick('installId', 'x-install-id') ?? pick('stagingId', 'x-user-staging-id');
  if (installId !== null && !INSTALL_ID.test(installId)) throw new ReleaseError(400, 'bad-params', 'installId: 1-128 letters, digits, "_" or "-"');
  const ring = pick('ring', 'x-install-ring');
  if (ring !== null && !RELEASE_RINGS.includes(ring as ReleaseRing)) throw new ReleaseError(400, 'bad-params', `ring: one of ${RELEASE_RINGS.join(', ')}`);
  const groups = (pick('groups', 'x-install-groups') ?? '').split(',').map((g) => g.trim()).filter((g) => g.length > 0);
  if (groups.length > 10 || groups.some((g) => !GROUP.test(g))) throw new ReleaseError(400, 'bad-params', 'groups: at most 10, each kind:name (school:north-7, region:eu)');
  const currentVersion = pick('version', 'x-app-version');
  if (currentVersion !== null && valid(currentVersion) !== currentVersion) throw new ReleaseError(400, 'bad-params', `version: ${JSON.stringify(currentVersion.slice(0, 64))} is not a semantic version`);
  const pin = pick('pin', 'x-update-pin');
  if (pin !== null && (pin.length > 64 || validRange(pin) === null)) throw new ReleaseError(400, 'bad-params', 'pin: a version range such as 1.4.x');
  return { installId, ring: ring as ReleaseRing | null, groups, currentVersion, channel: feed.channel, platform: feed.platform, pin };
}
