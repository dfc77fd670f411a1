import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Claims } from '../../shared/auth/claims';

/** A person who can sign in to the local backend. */
export interface Account {
  username: string;
  name: string;
  role: 'teacher' | 'student' | 'supervisor' | 'admin';
  classes: string[] | '*';
}

export interface DemoAccount extends Account {
  password: string;
}

export const DEMO_PASSWORD = 'demo';

/**
 * The accounts of local mode. teacher1 and student1 share class-0001; teacher2 and student2 share class-0002, so a
 * second class exists to prove that scope keeps them apart; supervisor1 sees every class; admin1 (IT) manages
 * releases and sees no class.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'teacher1', name: 'Teacher One', role: 'teacher', classes: ['class-0001'], password: DEMO_PASSWORD },
  { username: 'student1', name: 'Student One', role: 'student', classes: ['class-0001'], password: DEMO_PASSWORD },
  { username: 'supervisor1', name: 'Supervisor One', role: 'supervisor', classes: '*', password: DEMO_PASSWORD },
  { username: 'teacher2', name: 'Teacher Two', role: 'teacher', classes: ['class-0002'], password: DEMO_PASSWORD },
  { username: 'student2', name: 'Student Two', role: 'student', classes: ['class-0002'], password: DEMO_PASSWORD },
  { username: 'admin1', name: 'Admin One', role: 'admin', classes: [], password: DEMO_PASSWORD },
];

export type PasswordCheck = { ok: true; account: Account } | { ok: false; failure: 'unknown-user' | 'wrong-password' };

interface StoredAccount {
  account: Account;
  salt: Buffer;
  hash: Buffer;
}

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Accounts with scrypt-hashed passwords; the plain passwords are not kept. */
export class UserStore {
  private constructor(private readonly accounts: Map<string, StoredAccount>) {}

  static async create(accounts: readonly DemoAccount[]): Promise<UserStore> {
    const entries = await Promise.all(
      accounts.map(async ({ password, ...account }) => {
        const salt = randomBytes(16);
        return [account.username, { account, salt, hash: await derive(password, salt) }] as const;
      }),
    );
    return new UserStore(new Map(entries));
  }

  async check(username: string, password: string): Promise<PasswordCheck> {
    const stored = this.accounts.get(username);
    if (!stored) return { ok: false, failure: 'unknown-user' };
    const hash = await derive(password, stored.salt);
    return timingSafeEqual(hash, stored.hash) ? { ok: true, account: stored.account } : { ok: false, failure: 'wrong-password' };
  }

  find(username: string): Account | undefined {
    return this.accounts.get(username)?.account;
  }
}

export function claimsOf(account: Account): Claims {
  return { sub: account.username, name: account.name, role: account.role, classes: account.classes };
}
