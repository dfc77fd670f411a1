import type { Claims } from './claims';

/**
 * Which MQTT client ids an identity may connect with. A client id names a persistent session on the broker, so an id
 * that anyone could use would let them displace its owner and take over its queued messages. Ids are therefore
 * derived from the identity that signs in:
 *
 * - a person's console: `console-<userId>-<install>`, where `<install>` is letters and digits only (no `-`), so the
 *   user id in the middle is unambiguous;
 * - a backend service: its user id `svc-<name>` (`<name>` lower-case letters only), alone or followed by
 *   `-<instance>` for services that run as several instances.
 *
 * The embedded broker applies this at CONNECT, the Mosquitto plugin in docs/operations.md applies the same rule to
 * usernames, and the console builds its id with `consoleClientId`.
 */
export const CONSOLE_PREFIX = 'console-';
export const SERVICE_PREFIX = 'svc-';

const SERVICE_NAME = /^[a-z]{1,32}$/;
const INSTALL = /^[A-Za-z0-9]{1,64}$/;
const INSTANCE = /^[A-Za-z0-9_-]{1,64}$/;

export function isServiceName(name: string): boolean {
  return SERVICE_NAME.test(name);
}

/** The user id (token subject, MQTT username) of the backend service `name`. */
export function serviceUserId(name: string): string {
  if (!isServiceName(name)) throw new Error(`a service name is 1-32 lower-case letters, got ${JSON.stringify(name)}`);
  return `${SERVICE_PREFIX}${name}`;
}

/** The client id of a service connection: `svc-<name>` or, for one of several instances, `svc-<name>-<instance>`. */
export function serviceClientId(name: string, instance?: string): string {
  const user = serviceUserId(name);
  if (instance === undefined) return user;
  if (!INSTANCE.test(instance)) throw new Error(`a service instance is an id, got ${JSON.stringify(instance)}`);
  return `${user}-${instance}`;
}

/** The client id of a person's console on one install; characters other than letters and digits are dropped. */
export function consoleClientId(userId: string, installId: string): string {
  const install = installId.replace(/[^A-Za-z0-9]/g, '').slice(0, 64);
  if (!install) throw new Error('an install id needs at least one letter or digit');
  return `${CONSOLE_PREFIX}${userId}-${install}`;
}

export type ClientIdDecision = { allowed: true } | { allowed: false; why: string };

/** Whether the identity `user` (its user id and role) may connect with `clientId`. */
export function clientIdAllowed(user: Pick<Claims, 'sub' | 'role'>, clientId: string): ClientIdDecision {
  if (user.role === 'service') {
    const name = user.sub.startsWith(SERVICE_PREFIX) ? user.sub.slice(SERVICE_PREFIX.length) : '';
    if (!isServiceName(name)) return { allowed: false, why: `a service's user id is svc-<name>, not ${JSON.stringify(user.sub)}` };
    if (clientId === user.sub) return { allowed: true };
    if (clientId.startsWith(`${user.sub}-`) && INSTANCE.test(clientId.slice(user.sub.length + 1))) return { allowed: true };
    return { allowed: false, why: `service ${user.sub} connects as ${user.sub} or ${user.sub}-<instance>, not ${JSON.stringify(clientId)}` };
  }
  const head = `${CONSOLE_PREFIX}${user.sub}-`;
  if (clientId.startsWith(head) && INSTALL.test(clientId.slice(head.length))) return { allowed: true };
  return { allowed: false, why: `${user.sub} connects as ${head}<install>, not ${JSON.stringify(clientId)}` };
}
