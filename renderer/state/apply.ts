import type { LinkBatch } from '../link/messages';
import type { BatchApplier } from '../session/ports';
import { initialClasses, useClasses } from './classes';
import { initialConnection, useConnection } from './connection';
import { MAX_NOTES, initialDiagnostics, useDiagnostics } from './diagnostics';

/**
 * Applies one batch from the link worker to the core stores (classes, connection, diagnostics): at most one update
 * per store, whatever the number of messages in it. Features add their own appliers (renderer/session/appliers.ts).
 */
export function applyBatch(batch: LinkBatch): void {
  if (batch.summaries.length > 0 || batch.cleared.length > 0) {
    useClasses.setState((state) => {
      const byId = state.byId.edit();
      for (const classId of batch.cleared) byId.delete(classId);
      for (const summary of batch.summaries) byId.set(summary.id, summary);
      return { byId: byId.commit() };
    });
  }
  if (batch.status || batch.outbox) {
    useConnection.setState((state) => ({
      status: batch.status ?? state.status,
      outbox: batch.outbox ?? state.outbox,
    }));
  }
  if (batch.drops || batch.notes) {
    useDiagnostics.setState((state) => ({
      drops: batch.drops ?? state.drops,
      notes: batch.notes ? [...state.notes, ...batch.notes].slice(-MAX_NOTES) : state.notes,
    }));
  }
}

/** Forgets everything the previous session received (sign-out). */
export function resetLinkState(): void {
  useClasses.setState(initialClasses());
  useConnection.setState(initialConnection());
  useDiagnostics.setState(initialDiagnostics());
}

export const coreApplier: BatchApplier = { apply: applyBatch, reset: resetLinkState };
