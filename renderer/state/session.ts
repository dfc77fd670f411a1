import { create } from 'zustand';
import type { AuthFailure } from '../../shared/auth/claims';
import type { PersonRole } from '../link/messages';
import type { LocalBackendLookup } from '../platform';

export type Phase = 'signed-out' | 'signing-in' | 'signed-in';
export type Mode = 'local' | 'remote';

export interface SessionUser {
  id: string;
  name: string;
  /** Unknown (null) after a plain-password sign-in to a remote broker. */
  role: PersonRole | null;
  classes: '*' | string[] | null;
}

export interface SignInError {
  failure: AuthFailure;
  /** What the backend or broker said, for the diagnostics line under the explanation. */
  detail: string;
}

export type LocalBackendState = { status: 'looking' } | LocalBackendLookup;

/** Which screen the console shows; no router library: the class screen is one state away from the list. */
export type Route = { screen: 'classes' } | { screen: 'class'; classId: string; observer: boolean };

export interface SessionStore {
  phase: Phase;
  mode: Mode;
  user: SessionUser | null;
  error: SignInError | null;
  local: LocalBackendState;
  route: Route;
}

export const useSession = create<SessionStore>(() => ({
  phase: 'signed-out',
  mode: 'local',
  user: null,
  error: null,
  local: { status: 'looking' },
  route: { screen: 'classes' },
}));

export function openClass(classId: string, observer: boolean): void {
  useSession.setState({ route: { screen: 'class', classId, observer } });
}

export function backToClasses(): void {
  useSession.setState({ route: { screen: 'classes' } });
}

export function setMode(mode: Mode): void {
  useSession.setState({ mode, error: null });
}
