import { create } from 'zustand';
import type { AuthFailure } from '../../shared/auth/claims';
import type { LocalBackendLookup } from '../platform';

export type Phase = 'signed-out' | 'signing-in' | 'signed-in';
export type Mode = 'local' | 'remote';

export interface SignInError {
  failure: AuthFailure;
  /** What the backend or broker said, for the diagnostics line under the explanation. */
  detail: string;
}

export type LocalBackendState = { status: 'looking' } | LocalBackendLookup;

/** The connect screen's state: where a sign-in would go, whether one is under way, and why the last one failed. */
export interface SignInStore {
  phase: Phase;
  mode: Mode;
  error: SignInError | null;
  local: LocalBackendState;
}

export const useSignIn = create<SignInStore>(() => ({
  phase: 'signed-out',
  mode: 'local',
  error: null,
  local: { status: 'looking' },
}));

export function setMode(mode: Mode): void {
  useSignIn.setState({ mode, error: null });
}
