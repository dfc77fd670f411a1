import { describe, expect, it } from 'vitest';
import type { Claims } from '../auth/claims';
import { authorize, retainAllowed } from './acl';
import { filter, topic } from './topics';

const student: Claims = { sub: 'student1', name: 'Ann', role: 'student', classes: ['class-0001'] };
const teacher: Claims = { sub: 'teacher1', name: 'Tom', role: 'teacher', classes: ['class-0001'] };
const supervisor: Claims = { sub: 'sup1', name: 'Sue', role: 'supervisor', classes: '*' };

const allowed = (c: Claims, a: 'publish' | 'subscribe', t: string) => authorize(c, a, t).allowed;

describe('ACL', () => {
  it('lets a student see their own class and nothing else', () => {
    expect(allowed(student, 'subscribe', filter('presence', { classId: 'class-0001' }))).toBe(true);
    expect(allowed(student, 'subscribe', filter('presence', { classId: 'class-0002' }))).toBe(false);
    expect(allowed(student, 'subscribe', filter('presence'))).toBe(false);
    expect(allowed(student, 'subscribe', 'classroom/v1/#')).toBe(false);
    expect(allowed(student, 'subscribe', topic('classSummary', { classId: 'class-0001' }))).toBe(true);
    expect(allowed(student, 'subscribe', filter('classSummary'))).toBe(false);
  });

  it('lets users publish presence only as themselves', () => {
    expect(allowed(student, 'publish', topic('presence', { classId: 'class-0001', userId: 'student1' }))).toBe(true);
    expect(allowed(student, 'publish', topic('presence', { classId: 'class-0001', userId: 'teacher1' }))).toBe(false);
    expect(allowed(supervisor, 'publish', topic('presence', { classId: 'class-0001', userId: 'sup1' }))).toBe(false);
  });

  it('reserves class control for teachers of that class', () => {
    const control = topic('classControl', { classId: 'class-0001', userId: 'student1' });
    expect(allowed(student, 'publish', control)).toBe(false);
    expect(allowed(teacher, 'publish', topic('classControl', { classId: 'class-0001', userId: 'teacher1' }))).toBe(true);
    expect(allowed(teacher, 'publish', topic('classControl', { classId: 'class-0002', userId: 'teacher1' }))).toBe(false);
  });

  it('keeps every user out of other users\' reply topics', () => {
    expect(allowed(student, 'subscribe', 'classroom/v1/user/student1/#')).toBe(true);
    expect(allowed(student, 'subscribe', 'classroom/v1/user/teacher1/#')).toBe(false);
    expect(allowed(student, 'subscribe', 'classroom/v1/user/+/reply/+')).toBe(false);
    expect(allowed(supervisor, 'subscribe', 'classroom/v1/user/+/reply/+')).toBe(false);
  });

  it('denies $SYS and other roots to everyone, services included', () => {
    for (const c of [student, teacher, supervisor, { ...supervisor, role: 'service' as const }]) {
      expect(allowed(c, 'publish', '$SYS/broker/x')).toBe(false);
      expect(allowed(c, 'subscribe', '$SYS/#')).toBe(false);
      expect(allowed(c, 'publish', 'other/v1/x')).toBe(false);
    }
  });

  it('never lets wildcards into a published topic', () => {
    expect(allowed(supervisor, 'publish', 'classroom/v1/svc/directory/req/+')).toBe(false);
    expect(allowed({ ...supervisor, role: 'service' }, 'publish', 'classroom/v1/class/#')).toBe(false);
  });

  it('gives a supervisor every class but no way to appear in one', () => {
    expect(allowed(supervisor, 'subscribe', filter('classSummary'))).toBe(true);
    expect(allowed(supervisor, 'subscribe', filter('presence'))).toBe(true);
    expect(allowed(supervisor, 'publish', topic('classControl', { classId: 'class-0001', userId: 'sup1' }))).toBe(false);
  });

  it('gives an admin (IT) its own topics and requests to services, and nothing of any class or of supervision', () => {
    const admin: Claims = { sub: 'admin1', name: 'Ada', role: 'admin', classes: [] };
    expect(allowed(admin, 'subscribe', 'classroom/v1/user/admin1/#')).toBe(true);
    expect(allowed(admin, 'publish', 'classroom/v1/svc/directory/req/admin1')).toBe(true);
    expect(allowed(admin, 'subscribe', filter('classSummary'))).toBe(false);
    expect(allowed(admin, 'subscribe', topic('classSummary', { classId: 'class-0001' }))).toBe(false);
    expect(allowed(admin, 'subscribe', filter('presence'))).toBe(false);
    expect(allowed(admin, 'subscribe', 'classroom/v1/supervise/#')).toBe(false);
    expect(allowed(admin, 'publish', topic('presence', { classId: 'class-0001', userId: 'admin1' }))).toBe(false);
    expect(allowed(admin, 'publish', topic('help', { classId: 'class-0001', userId: 'admin1' }))).toBe(false);
  });

  it('lets admins and supervisors read release state, only the release service publish it, and nobody else see it', () => {
    const admin: Claims = { sub: 'admin1', name: 'Ada', role: 'admin', classes: [] };
    const service: Claims = { sub: 'svc-releases', name: 'releases', role: 'service', classes: '*' };
    for (const kind of ['releaseState', 'releaseAdoption', 'releaseHealth'] as const) {
      expect(allowed(admin, 'subscribe', topic(kind, {}))).toBe(true);
      expect(allowed(supervisor, 'subscribe', topic(kind, {}))).toBe(true);
      expect(allowed(student, 'subscribe', topic(kind, {}))).toBe(false);
      expect(allowed(teacher, 'subscribe', topic(kind, {}))).toBe(false);
      for (const who of [admin, supervisor, teacher, student]) expect(allowed(who, 'publish', topic(kind, {}))).toBe(false);
      expect(allowed(service, 'publish', topic(kind, {}))).toBe(true);
      expect(retainAllowed(topic(kind, {}))).toBe(true);
    }
    expect(allowed(admin, 'subscribe', 'classroom/v1/releases/#')).toBe(false);
  });

  it('allows retain only on retained kinds', () => {
    expect(retainAllowed(topic('presence', { classId: 'c1', userId: 'u1' }))).toBe(true);
    expect(retainAllowed(topic('classControl', { classId: 'c1', userId: 'u1' }))).toBe(false);
    expect(retainAllowed('classroom/v1/whatever')).toBe(false);
  });
  it('keeps supervision topics from students and teachers', () => {
    for (const who of [student, teacher]) {
      expect(allowed(who, 'subscribe', 'classroom/v1/supervise/#')).toBe(false);
      expect(allowed(who, 'subscribe', filter('helpState'))).toBe(false);
      expect(allowed(who, 'subscribe', topic('classHealth', { classId: 'class-0001' }))).toBe(false);
      expect(allowed(who, 'publish', topic('whisper', { classId: 'class-0001', userId: 'teacher1' }))).toBe(false);
    }
    expect(allowed(supervisor, 'subscribe', 'classroom/v1/supervise/#')).toBe(true);
    expect(allowed(supervisor, 'publish', topic('whisper', { classId: 'class-0001', userId: 'teacher1' }))).toBe(true);
    expect(allowed(teacher, 'subscribe', topic('whisper', { classId: 'class-0001', userId: 'teacher1' }))).toBe(true);
    expect(allowed(student, 'subscribe', topic('whisper', { classId: 'class-0001', userId: 'teacher1' }))).toBe(false);
  });

  it('lets media signalling be sent only as oneself and read only by its addressee', () => {
    const toTeacher = (from: string) => topic('rtc', { classId: 'class-0001', toUserId: 'teacher1', fromUserId: from });
    expect(allowed(student, 'publish', toTeacher('student1'))).toBe(true);
    expect(allowed(student, 'publish', toTeacher('student2'))).toBe(false);
    expect(allowed(teacher, 'subscribe', filter('rtc', { classId: 'class-0001', toUserId: 'teacher1' }))).toBe(true);
    expect(allowed(student, 'subscribe', filter('rtc', { classId: 'class-0001', toUserId: 'teacher1' }))).toBe(false);
    expect(allowed(student, 'publish', topic('help', { classId: 'class-0001', userId: 'student1' }))).toBe(true);
    expect(allowed(student, 'publish', topic('help', { classId: 'class-0002', userId: 'student1' }))).toBe(false);
  });
});
