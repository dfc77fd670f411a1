import { create } from 'zustand';
import { DROP_REASONS } from '../../shared/protocol';
import type { DiagnosticNote, DropSnapshot } from '../link/messages';

export const MAX_NOTES = 100;

export interface DiagnosticsStore {
  drops: DropSnapshot;
  /** Newest last, at most MAX_NOTES. */
  notes: DiagnosticNote[];
}

export const initialDiagnostics = (): DiagnosticsStore => ({
  drops: {
    counts: Object.fromEntries(DROP_REASONS.map((reason) => [reason, 0])) as DropSnapshot['counts'],
    total: 0,
    recent: [],
  },
  notes: [],
});

export const useDiagnostics = create<DiagnosticsStore>(initialDiagnostics);

export function addNote(note: DiagnosticNote): void {
  useDiagnostics.setState((state) => ({ notes: [...state.notes, note].slice(-MAX_NOTES) }));
}
