import { describe, expect, it } from 'vitest';
import { launchBackend } from './backend';
import { BackendOptionsSchema, describeIssues } from './backend-options';

describe('backend options', () => {
  it('takes the dispatcher windows, and says which one is out of range and why', () => {
    expect(BackendOptionsSchema.parse({ dispatcher: { ackTimeoutMs: 20_000, pendingWindowMs: 90_000, coverageGraceMs: 0 } }).dispatcher).toEqual({
      ackTimeoutMs: 20_000,
      pendingWindowMs: 90_000,
      coverageGraceMs: 0,
    });
    const refused = BackendOptionsSchema.safeParse({ dispatcher: { ackTimeoutMs: 500 } });
    expect(refused.success).toBe(false);
    expect(describeIssues(refused.error!)).toBe('dispatcher.ackTimeoutMs: at least 1 s');
    expect(BackendOptionsSchema.safeParse({ dispatcher: { watchMs: 1 } }).success).toBe(false);
  });

  it('takes an offline queue cap of at least one message', () => {
    expect(BackendOptionsSchema.parse({ offlineQueueCap: 50 }).offlineQueueCap).toBe(50);
    const refused = BackendOptionsSchema.safeParse({ offlineQueueCap: 0 });
    expect(refused.success).toBe(false);
    expect(describeIssues(refused.error!)).toBe('offlineQueueCap: at least 1');
    expect(BackendOptionsSchema.safeParse({ offlineQueueCap: 2.5 }).success).toBe(false);
  });

  it("takes the reports' retention and hands it to the reports service", async () => {
    expect(describeIssues(BackendOptionsSchema.safeParse({ reportRetentionMs: 10 }).error!)).toBe('reportRetentionMs: at least 1 s');
    const options = BackendOptionsSchema.parse({ classes: 0, simulate: false, reportRetentionMs: 7 * 86_400_000 });
    const { backend, internals } = await launchBackend(options);
    try {
      expect(internals.reports.retentionMs).toBe(7 * 86_400_000);
    } finally {
      await backend.close();
    }
  });

  it('hands the dispatcher windows to the dispatcher it starts', async () => {
    const options = BackendOptionsSchema.parse({ classes: 0, simulate: false, dispatcher: { ackTimeoutMs: 25_000, pendingWindowMs: 120_000 } });
    const { backend, internals } = await launchBackend(options);
    try {
      expect(internals.dispatcher?.timings).toMatchObject({ ackTimeoutMs: 25_000, pendingWindowMs: 120_000, coverageGraceMs: 60_000 });
    } finally {
      await backend.close();
    }
  });
});
