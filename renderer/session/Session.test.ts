import { afterEach, describe, expect, it, vi } from 'vitest';
import { topic } from '../../shared/protocol';
import { LinkClient } from '../link/LinkClient';
import type { LinkBatch, LinkConfig } from '../link/messages';
import { FakeWorker } from '../link/testing/fakeWorker';
import { coreApplier } from '../state/apply';
import { releasesApplier } from '../releases/state/applier';
import { supervisorApplier } from '../supervise/state/applier';
import { appliersFor } from './appliers';
import type { BatchApplier, SessionUser } from './ports';
import { Session } from './Session';

const teacher: SessionUser = { id: 'teacher1', name: 'Teacher', role: 'teacher', classes: ['class-0001'] };
const config = (user: SessionUser): LinkConfig => ({
  url: 'ws://broker', userId: user.id, name: user.name, role: user.role, classes: user.classes, token: 'token-1', tokenExpiresAt: null, installId: 'install1',
});

class RecordingApplier implements BatchApplier {
  readonly applied: LinkBatch[] = [];
  resets = 0;
  apply(batch: LinkBatch): void {
    this.applied.push(batch);
  }
  reset(): void {
    this.resets++;
  }
}

function session(user = teacher, refresh: ((token: string) => Promise<{ token: string; expiresAt: number }>) | null = null) {
  const worker = new FakeWorker();
  const applier = new RecordingApplier();
  const s = new Session({
    user,
    config: config(user),
    httpBase: 'http://backend',
    refreshToken: refresh,
    appliers: [applier],
    link: (supply) => new LinkClient(worker.asWorker, supply),
  });
  return { s, worker, applier };
}

const hello = (classId: string) => ({
  ok: true as const, kind: 'presence' as const, params: { classId, userId: 's' }, topic: topic('presence', { classId, userId: 's' }),
  message: { v: 1 as const, userId: 's', name: 'S', role: 'student' as const, online: true, ts: 1 },
});

afterEach(() => vi.useRealTimers());

describe('the signed-in Session', () => {
  it('wires the core appliers for everyone, the supervisor ones only for supervisors, and release state for admins and supervisors', () => {
    expect(appliersFor('teacher')).toEqual([coreApplier]);
    expect(appliersFor('student')).toEqual([coreApplier]);
    expect(appliersFor(null)).toEqual([coreApplier]);
    expect(appliersFor('supervisor')).toEqual([coreApplier, supervisorApplier, releasesApplier]);
    expect(appliersFor('admin')).toEqual([coreApplier, releasesApplier]);
  });

  it('connects with its config and applies every batch through its appliers', async () => {
    const { s, worker, applier } = session();
    const outcome = s.connect();
    expect(worker.last('connect')?.config).toMatchObject({ userId: 'teacher1', token: 'token-1' });
    worker.batch({ status: { state: 'connected', attempt: 0, rttMs: null, failure: null, detail: '' } });
    await expect(outcome).resolves.toMatchObject({ state: 'connected' });
    expect(applier.applied).toHaveLength(1);
  });

  it('hands class traffic, settled ids and connection changes to the channels of classes that are open', () => {
    const { s, worker } = session();
    const open = s.classChannel('class-0001', { observer: false });
    const closed = s.classChannel('class-0002', { observer: false });
    const seen: string[] = [];
    for (const ch of [open, closed]) {
      ch.listen(['presence'], (messages) => seen.push(...messages.map((m) => `${ch.classId} got ${m.params.classId}`)));
      ch.onSettled(({ acknowledged, rejected }) => seen.push(`${ch.classId} settled ${[...acknowledged, ...rejected.map((r) => r.id)].join()}`));
      ch.onConnected((c) => seen.push(`${ch.classId} connected ${c}`));
    }
    open.join();
    worker.batch({ classMessages: [hello('class-0001')], acknowledged: ['a1'], status: { state: 'connected', attempt: 0, rttMs: null, failure: null, detail: '' } });
    worker.post({ type: 'actionRejected', id: 'r1', message: 'full' });
    open.leave();
    worker.batch({ classMessages: [hello('class-0001')] });
    expect(seen).toEqual([
      'class-0001 connected false',
      'class-0002 connected false',
      'class-0001 connected true',
      'class-0001 got class-0001',
      'class-0001 settled a1',
      'class-0001 settled r1',
    ]);
    expect(worker.sent.filter((c) => c.type === 'join' || c.type === 'leave').map((c) => c.type)).toEqual(['join', 'leave']);
  });

  it('gives supervisors a port to the dispatcher, whispers and the watched class, and nobody else', () => {
    expect(session().s.supervisor).toBeNull();
    const { s, worker } = session({ ...teacher, id: 'supervisor1', role: 'supervisor', classes: '*' });
    void s.supervisor!.dispatcher('help.claim', { id: 'h1' }).catch(() => undefined);
    expect(worker.last('request')).toMatchObject({ service: 'dispatcher', method: 'help.claim', params: { id: 'h1' } });
    s.supervisor!.watchClass('class-0003');
    expect(worker.last('watchClass')).toEqual({ type: 'watchClass', classId: 'class-0003' });
    s.controlClass('class-0003', 'end');
    expect(worker.last('act')?.action).toEqual({ kind: 'classControl', classId: 'class-0003', action: 'end' });
  });

  it('keeps the token current for the endpoints when the worker asks for a fresh one', async () => {
    const refresh = vi.fn(async (token: string) => ({ token: `${token}+`, expiresAt: 1 }));
    const { s, worker } = session(teacher, refresh);
    expect(s.endpoints).toMatchObject({ httpBase: 'http://backend' });
    worker.post({ type: 'needToken' });
    await vi.waitFor(() => expect(worker.last('token')).toEqual({ type: 'token', token: 'token-1+', expiresAt: 1 }));
    expect(refresh).toHaveBeenCalledWith('token-1');
    expect(s.endpoints.token()).toBe('token-1+');
  });

  it('says goodbye at sign-out, forgets what it received, and ignores the worker from then on', () => {
    vi.useFakeTimers();
    const { s, worker, applier } = session();
    const closed = vi.fn();
    s.onClose(closed);
    s.signOut();
    expect(worker.last('disconnect')).toEqual({ type: 'disconnect' });
    expect(applier.resets).toBe(1);
    expect(closed).toHaveBeenCalledTimes(1);
    worker.batch({});
    expect(applier.applied).toHaveLength(0);
    expect(worker.terminated).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(worker.terminated).toBe(true);
  });
});
