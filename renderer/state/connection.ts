import { create } from 'zustand';
import type { ConnectionStatus, OutboxItem } from '../link/messages';

export interface ConnectionStore {
  status: ConnectionStatus;
  /** User actions not yet acknowledged by the broker. */
  outbox: OutboxItem[];
}

export const initialConnection = (): ConnectionStore => ({
  status: { state: 'idle', attempt: 0, rttMs: null, failure: null, detail: '' },
  outbox: [],
});

export const useConnection = create<ConnectionStore>(initialConnection);
