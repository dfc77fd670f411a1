import { execFile } from 'node:child_process';
import { lstat, readFile } from 'node:fs/promises';
import { posix, win32 } from 'node:path';
import semver from 'semver';
import { z } from 'zod';
import { RELEASE_RINGS, ReleasePublicKey } from '../../shared/releases/documents';

/**
 * The machine's update policy, set by IT in a file only an administrator can write (docs/operations.md, "Desktop
 * updates and admin policy"). Nothing in the app can change it: there is no IPC channel, setting or environment
 * variable that does. A file that is present but cannot be trusted or understood puts updates on the safe side
 * (nothing installs, nothing downloads) and the console says which file and why.
 */

/** The bundle id (electron-builder.yml `appId`); macOS managed preferences are named after it. */
export const BUNDLE_ID = 'com.classroom.console';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM, 00:00 to 23:59');
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A version prefix: `1`, `1.4`, `1.4.*`, `1.x`, `1.4.3`. It is read as a semver range (`1.4.*` takes 1.4.3 and
 * refuses 1.5.0). Ranges such as `>=1.2` are refused: a pin names a line of releases, not a rule.
 */
export const VersionPin = z
  .string()
  .regex(/^\d+(\.(\d+|\*|x)(\.(\d+|\*|x))?)?$/, 'a version prefix such as 1.4.* or 1.4 or 1')
  .refine((pin) => semver.validRange(pin) !== null, 'not a version prefix semver understands');

export const MaintenanceWindow = z
  .strictObject({
    /** Local time on this machine; a window may cross midnight (22:00 to 05:00). */
    start: HHMM,
    end: HHMM,
    /** The days the window opens on (the day it starts, for one that crosses midnight); every day when absent. */
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7).optional(),
  })
  .refine((window) => window.start !== window.end, 'start and end must differ');
export type MaintenanceWindow = z.infer<typeof MaintenanceWindow>;

/** Every field is optional; an unknown field is an error, so a misspelt setting never silently does nothing. */
export const AdminPolicy = z.strictObject({
  /** "off": no checks, no downloads, no installs. */
  updates: z.enum(['on', 'off']).default('on'),
  /** The rollout ring this machine belongs to; the release service places it otherwise (by group, or by its id). */
  ring: z.enum(RELEASE_RINGS).optional(),
  /** Groups the release service may place this machine's ring by, as kind:name (`school:north-7`, `region:eu`). */
  groups: z.array(z.string().regex(/^[a-z]+:[A-Za-z0-9_.-]{1,64}$/, 'a group is kind:name, such as school:north-7')).max(10).optional(),
  /** Only versions with this prefix are downloaded or installed. */
  pin: VersionPin.optional(),
  /** When the app may restart itself to install, outside class. */
  maintenanceWindow: MaintenanceWindow.optional(),
  /** false: install only in the maintenance window (no install at quit or launch, no restart prompt). */
  installOutsideWindow: z.boolean().default(true),
  /** Nothing installs and no prompt shows this long before a class starts. */
  classLeadMinutes: z.number().int().min(0).max(240).default(15),
  /** What the download does during class time: stop until class time ends, or go on at throttleKBps. */
  downloadDuringClass: z.enum(['pause', 'throttle']).default('pause'),
  throttleKBps: z.number().int().min(16).max(1_000_000).default(256),
  checkIntervalMinutes: z.number().int().min(5).max(1440).default(60),
  /** A release signing key to trust besides the one built into the app (a company running its own release service). */
  releaseKey: ReleasePublicKey.optional(),
  /** The release service to ask instead of the one the connection names (an https URL). */
  feedUrl: z
    .string()
    .max(500)
    .regex(/^https:\/\/[^\s?#]+$/, 'an https:// URL without query or fragment')
    .optional(),
});
export type AdminPolicy = z.infer<typeof AdminPolicy>;

/** Where the policy in force came from. */
export type PolicyState =
  | { kind: 'default'; looked: readonly string[] }
  | { kind: 'file'; path: string; policy: AdminPolicy }
  | { kind: 'invalid'; path: string; problem: string };

export const DEFAULT_POLICY: AdminPolicy = AdminPolicy.parse({});

/** A policy file larger than this is refused unread. */
export const MAX_POLICY_BYTES = 64 * 1024;

/**
 * The conventional machine-level places, in the order they are read; the first that exists is the policy.
 * - Linux (and other Unix): /etc/classroom-console/policy.json
 * - Windows: %ProgramData%\ClassroomConsole\policy.json
 * - macOS: /Library/Managed Preferences/com.classroom.console.plist (a configuration profile pushed by MDM), then
 *   /Library/Application Support/ClassroomConsole/policy.json (for machines without MDM)
 */
export function policyLocations(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') return [win32.join(env.ProgramData || 'C:\\ProgramData', 'ClassroomConsole', 'policy.json')];
  if (platform === 'darwin') {
    return [
      posix.join('/Library/Managed Preferences', `${BUNDLE_ID}.plist`),
      '/Library/Application Support/ClassroomConsole/policy.json',
    ];
  }
  return ['/etc/classroom-console/policy.json'];
}

export interface ReadPolicyOptions {
  locations: readonly string[];
  /**
   * On Unix, the owner a policy file must have (root, 0), and it must not be writable by group or others; null skips
   * the check (Windows, where the folder's ACL does this job). Tests pass their own uid.
   */
  trustedOwner: number | null;
  /** Turns a .plist into JSON text; plutil on macOS. */
  plistToJson?: (path: string) => Promise<string>;
}

/** macOS' own converter reads both binary and XML property lists. */
export function plutilToJson(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/plutil', ['-convert', 'json', '-o', '-', '--', path], { maxBuffer: MAX_POLICY_BYTES * 4 }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve(stdout);
    });
  });
}

/** Reads the first policy file that exists. Never throws: every problem becomes an 'invalid' state naming the file. */
export async function readAdminPolicy({ locations, trustedOwner, plistToJson = plutilToJson }: ReadPolicyOptions): Promise<PolicyState> {
  for (const path of locations) {
    let stats;
    try {
      stats = await lstat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return { kind: 'invalid', path, problem: `cannot be read: ${(error as Error).message}` };
    }
    if (!stats.isFile()) return { kind: 'invalid', path, problem: 'is not a regular file' };
    if (trustedOwner !== null) {
      if (stats.uid !== trustedOwner) return { kind: 'invalid', path, problem: `is owned by user ${stats.uid}, not by user ${trustedOwner} (an administrator)` };
      if ((stats.mode & 0o022) !== 0) return { kind: 'invalid', path, problem: `can be changed by users other than its owner (mode ${(stats.mode & 0o777).toString(8)})` };
    }
    if (stats.size > MAX_POLICY_BYTES) return { kind: 'invalid', path, problem: `is larger than ${MAX_POLICY_BYTES} bytes` };

    let text: string;
    try {
      text = path.endsWith('.plist') ? await plistToJson(path) : await readFile(path, 'utf8');
    } catch (error) {
      return { kind: 'invalid', path, problem: `cannot be read: ${(error as Error).message}` };
    }
    return parsePolicyText(path, text);
  }
  return { kind: 'default', looked: [...locations] };
}

export function parsePolicyText(path: string, text: string): PolicyState {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'invalid', path, problem: `is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = AdminPolicy.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', path, problem: z.prettifyError(parsed.error).replaceAll('\n', ' ') };
  return { kind: 'file', path, policy: parsed.data };
}

/** The policy whose values apply: the file's, or the defaults. An invalid file has none (the safe side applies). */
export function policyValues(state: PolicyState): AdminPolicy | null {
  if (state.kind === 'file') return state.policy;
  if (state.kind === 'default') return DEFAULT_POLICY;
  return null;
}
