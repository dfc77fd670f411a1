import type { DemoAccount } from './platform';

/** The local backend's demo accounts (docs/protocol.md); in browser mode /api/info lists them instead. */
export const LOCAL_DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'supervisor1', password: 'demo', role: 'supervisor' },
  { username: 'teacher1', password: 'demo', role: 'teacher' },
  { username: 'student1', password: 'demo', role: 'student' },
];
