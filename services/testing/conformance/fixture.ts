import type { MqttClient } from 'mqtt';
import type { Role } from '../../../shared/auth/claims';
import type { Credentials } from '../clients';

/** The users every broker under test knows, with the same roles and class scopes. */
export const CONFORMANCE_USERS = [
  { username: 'teacher1', role: 'teacher', classes: ['class-0001'] },
  { username: 'student1', role: 'student', classes: ['class-0001'] },
  { username: 'teacher2', role: 'teacher', classes: ['class-0002'] },
  { username: 'student2', role: 'student', classes: ['class-0002'] },
  { username: 'supervisor1', role: 'supervisor', classes: '*' },
  { username: 'svc-conformance', role: 'service', classes: '*' },
] as const satisfies readonly { username: string; role: Role; classes: readonly string[] | '*' }[];

export type ConformanceUser = (typeof CONFORMANCE_USERS)[number]['username'];

/** Sees every message matching its filters, `$SYS` included, whatever the ACL says. */
export interface Spy {
  readonly messages: { topic: string; payload: Buffer }[];
  waitForTopic(topic: string): Promise<void>;
  close(): Promise<void>;
}

/** A running broker with the protocol's users and ACL, as the conformance suite needs it. */
export interface BrokerFixture {
  readonly name: string;
  readonly mqttUrl: string;
  readonly wsUrl: string;
  credentials(user: ConformanceUser): Promise<Credentials>;
  /** Credentials the broker must refuse for this user (a wrong password or a token it does not trust). */
  wrongCredentials(user: ConformanceUser): Promise<Credentials>;
  spy(filters: string[]): Promise<Spy>;
  close(): Promise<void>;
}

export type { MqttClient };
