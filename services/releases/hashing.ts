import { createHash } from 'node:crypto';

/**
 * A stable number in [0, 1) for a string: the first 48 bits of its SHA-256. The same input gives the same number on
 * every machine, in every process, across restarts; different inputs spread evenly.
 */
export function unitHash(input: string): number {
  const digest = createHash('sha256').update(input).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/**
 * Whether an install is inside a rollout of `percent` (0–100) of `version`. Each install has one fixed mark per
 * version, unitHash(install id + version); it is in while its mark is below percent / 100. So raising the percentage
 * keeps everyone already in, lowering it removes only the installs whose mark is above the new one, and the same
 * install always gets the same answer. Hashing the version too gives each release another sample of installs, so the
 * same desks are not always the first to try.
 */
export function inRollout(installId: string, version: string, percent: number): boolean {
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  return unitHash(`rollout\u0000${installId}\u0000${version}`) < percent / 100;
}

/** An install's fixed place among all installs, for assigning rings by share; independent of any version. */
export function installMark(installId: string): number {
  return unitHash(`ring\u0000${installId}`);
}
