import type { ReleaseService } from '../releases/release-service';
import type { ReleaseDesk } from './installs';

/**
 * The release service as the simulated installs of local mode reach it: the same decision the feed route makes for a
 * check (ReleaseService.check, which also counts the install's adoption), without the HTTP round trip, and the state
 * the signed status would report. Linux installs of the `latest` channel, placed in rings by the service.
 */
export function releaseDesk(service: ReleaseService): ReleaseDesk {
  return {
    check({ installId, currentVersion, at }) {
      const { offer } = service.check({ installId, ring: null, groups: [], currentVersion, channel: 'latest', platform: 'linux', pin: null }, at);
      return offer.kind === 'stay' ? { kind: 'stay', ring: offer.ring } : { kind: offer.kind, version: offer.release.version, ring: offer.ring };
    },
    status(version) {
      const release = service.state.releases.find((r) => r.version === version);
      if (!release?.published) return 'unknown';
      return release.revoked ? 'revoked' : release.halted ? 'halted' : 'active';
    },
  };
}
