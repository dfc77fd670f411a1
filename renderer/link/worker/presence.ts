import { DEFAULT_ROOT, encode, topic, type Outbound } from '../../../shared/protocol';
import type { JoinOptions, LinkConfig } from '../messages';

export interface JoinedClass {
  classId: string;
  options: JoinOptions;
}

/**
 * MQTT allows one last will per connection, so a console is present in one class: the class it has open, or else
 * the first in its scope. Supervisors, and anyone observing, publish no presence.
 */
export function presenceClass(config: LinkConfig | null, joined: JoinedClass | null): string | undefined {
  if (!config || (config.role !== 'teacher' && config.role !== 'student')) return undefined;
  if (joined) return joined.options.observer ? undefined : joined.classId;
  return Array.isArray(config.classes) ? config.classes[0] : undefined;
}

/** This console's presence in its presence class (online, or the goodbye and last will), if it has one. */
export function presenceOf(config: LinkConfig | null, joined: JoinedClass | null, online: boolean): Outbound | null {
  const classId = presenceClass(config, joined);
  if (!config || !classId || (config.role !== 'teacher' && config.role !== 'student')) return null;
  const options = joined?.classId === classId ? joined.options : null;
  return encode('presence', topic('presence', { classId, userId: config.userId }, config.root ?? DEFAULT_ROOT), {
    v: 1,
    userId: config.userId,
    name: config.name,
    role: config.role,
    online,
    ...(options?.device ? { device: options.device } : {}),
    ...(options?.appVersion ? { appVersion: options.appVersion } : {}),
    ts: Date.now(),
  });
}
