import { describe, expect, it } from 'vitest';
import { TopicError, filter, filterCovers, matchesFilter, parseTopic, topic } from './topics';

describe('topics', () => {
  it('builds and parses every kind round trip', () => {
    const built = topic('presence', { classId: 'class-0001', userId: 'student1' });
    expect(built).toBe('classroom/v1/class/class-0001/presence/student1');
    expect(parseTopic(built)).toEqual({ kind: 'presence', params: { classId: 'class-0001', userId: 'student1' } });
    const reply = topic('reply', { userId: 'u1', sessionId: 's1' }, 'acme');
    expect(parseTopic(reply, 'acme')).toEqual({ kind: 'reply', params: { userId: 'u1', sessionId: 's1' } });
  });

  it('refuses to build a topic from a parameter that could act as a wildcard or a level', () => {
    for (const bad of ['#', '+', 'a/b', '', '$SYS', 'x'.repeat(65)]) {
      expect(() => topic('presence', { classId: bad, userId: 'u1' })).toThrow(TopicError);
    }
  });

  it('does not parse topics outside the v1 tree or with non-id segments', () => {
    expect(parseTopic('classroom/v2/class/c1/presence/u1')).toBeNull();
    expect(parseTopic('classroom/v1/class/c1/presence/u1/extra')).toBeNull();
    expect(parseTopic('classroom/v1/class/c 1/presence/u1')).toBeNull();
    expect(parseTopic('$SYS/broker/uptime')).toBeNull();
  });

  it('builds filters with + for the parameters left out', () => {
    expect(filter('presence', { classId: 'c1' })).toBe('classroom/v1/class/c1/presence/+');
    expect(filter('classSummary')).toBe('classroom/v1/directory/classes/+');
  });

  it('matches filters the way MQTT brokers do', () => {
    expect(matchesFilter('a/+/c', 'a/b/c')).toBe(true);
    expect(matchesFilter('a/#', 'a')).toBe(true);
    expect(matchesFilter('a/#', 'a/b/c')).toBe(true);
    expect(matchesFilter('a/+', 'a/b/c')).toBe(false);
    expect(matchesFilter('#', '$SYS/x')).toBe(false);
  });

  it('says whether one filter covers everything another can match', () => {
    expect(filterCovers('a/+/c', 'a/b/c')).toBe(true);
    expect(filterCovers('a/+/c', 'a/+/c')).toBe(true);
    expect(filterCovers('a/b/c', 'a/+/c')).toBe(false);
    expect(filterCovers('a/#', 'a/+/c/#')).toBe(true);
    expect(filterCovers('a/+', 'a/#')).toBe(false);
  });
});
