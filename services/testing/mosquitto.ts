import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MAX_PAYLOAD_BYTES } from '../../shared/protocol/kinds';
import { mosquittoAcl, type MosquittoUser } from '../broker/mosquitto-acl';

export interface MosquittoBinaries {
  broker: string;
  passwd: string;
  /** A C compiler that finds Mosquitto's plugin headers, for the client-id plugin. */
  cc: string;
}

/** The client-id plugin of docs/operations.md, built from source for the broker under test. */
const CLIENT_ID_PLUGIN_SOURCE = fileURLToPath(new URL('../broker/mosquitto/classroom_client_id.c', import.meta.url));

const PLUGIN_HEADERS = ['/usr/include/mosquitto_plugin.h', '/usr/include/mosquitto_broker.h', '/usr/include/mosquitto.h'];

function firstExisting(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** The Mosquitto broker, mosquitto_passwd and a compiler for the plugin, or why they cannot be used. */
export function findMosquitto(): MosquittoBinaries | { missing: string } {
  const broker = firstExisting([process.env.MOSQUITTO, '/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto', '/usr/local/bin/mosquitto']);
  const passwd = firstExisting([process.env.MOSQUITTO_PASSWD, '/usr/bin/mosquitto_passwd', '/usr/local/bin/mosquitto_passwd']);
  if (!broker) return { missing: 'the mosquitto broker is not installed (apt-get install mosquitto, or set MOSQUITTO)' };
  if (!passwd) return { missing: 'mosquitto_passwd is not installed (it comes with the mosquitto package)' };
  const cc = firstExisting([process.env.CC, '/usr/bin/cc', '/usr/bin/gcc']);
  if (!cc) return { missing: 'no C compiler to build the client-id plugin (apt-get install gcc)' };
  const header = PLUGIN_HEADERS.find((path) => !existsSync(path));
  if (header) return { missing: `${header} is missing: the client-id plugin needs apt-get install mosquitto-dev libmosquitto-dev` };
  return { broker, passwd, cc };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function waitUntilListening(child: ReturnType<typeof spawn>, ports: number[], log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited with ${child.exitCode}:\n${log()}`);
    const ready = await Promise.all(ports.map(canConnect));
    if (ready.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`mosquitto did not open ports ${ports.join(', ')}:\n${log()}`);
}

export interface MosquittoOptions {
  /** The people and services it admits, each with a generated password and the ACL of their role. */
  users: readonly MosquittoUser[];
  /** More `acl_file` lines, after the generated ones (an observer for a test). */
  extraAcl?: string;
  /** Users outside the ACL table who get a password too (the extra lines give them their rights). */
  extraUsers?: readonly string[];
  /** A WebSocket listener besides plain MQTT. */
  websockets?: boolean;
  /** Messages queued per client before Mosquitto drops them (`max_queued_messages`; Mosquitto's default 1000). */
  maxQueuedMessages?: number;
}

export interface RunningMosquitto {
  readonly mqttUrl: string;
  /** Null without `websockets`. */
  readonly wsUrl: string | null;
  readonly pid: number | undefined;
  passwordOf(username: string): string;
  /** The broker's last log lines (errors, warnings and notices, such as a client's messages being dropped). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Mosquitto configured as docs/operations.md deploys it: no anonymous access, a password file made by
 * mosquitto_passwd, an ACL file generated from shared/protocol/acl.ts and the client-id plugin, on free ports.
 */
export async function launchMosquitto(binaries: MosquittoBinaries, options: MosquittoOptions): Promise<RunningMosquitto> {
  const dir = await mkdtemp(join(tmpdir(), 'classroom-mosquitto-'));
  // Mosquitto started as root drops to its own user before reading the password and ACL files.
  await chmod(dir, 0o755);
  const usernames = [...options.users.map((u) => u.username), ...(options.extraUsers ?? [])];
  const passwords = new Map<string, string>(usernames.map((u) => [u, randomBytes(12).toString('hex')]));
  const passwdFile = join(dir, 'passwd');
  const aclFile = join(dir, 'acl');
  const confFile = join(dir, 'mosquitto.conf');
  await writeFile(passwdFile, [...passwords].map(([user, password]) => `${user}:${password}\n`).join(''), { mode: 0o644 });
  await promisify(execFile)(binaries.passwd, ['-U', passwdFile]);
  const plugin = join(dir, 'classroom_client_id.so');
  await promisify(execFile)(binaries.cc, ['-shared', '-fPIC', '-O2', '-Wall', '-Werror', '-o', plugin, CLIENT_ID_PLUGIN_SOURCE]);
  await writeFile(aclFile, `${mosquittoAcl(options.users)}${options.extraAcl ?? ''}`, { mode: 0o644 });
  const mqttPort = await freePort();
  const wsPort = options.websockets ? await freePort() : null;
  await writeFile(
    confFile,
    [
      'per_listener_settings false',
      'allow_anonymous false',
      `plugin ${plugin}`,
      `password_file ${passwdFile}`,
      `acl_file ${aclFile}`,
      'persistence false',
      `max_packet_size ${MAX_PAYLOAD_BYTES + 1024}`,
      ...(options.maxQueuedMessages === undefined ? [] : [`max_queued_messages ${options.maxQueuedMessages}`]),
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
      `listener ${mqttPort} 127.0.0.1`,
      'protocol mqtt',
      ...(wsPort === null ? [] : [`listener ${wsPort} 127.0.0.1`, 'protocol websockets']),
      '',
    ].join('\n'),
    { mode: 0o644 },
  );

  const lines: string[] = [];
  const child = spawn(binaries.broker, ['-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 50) lines.splice(0, lines.length - 50);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  const log = () => lines.slice(-20).join('\n');
  try {
    await waitUntilListening(child, wsPort === null ? [mqttPort] : [mqttPort, wsPort], log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
    wsUrl: wsPort === null ? null : `ws://127.0.0.1:${wsPort}`,
    pid: child.pid,
    passwordOf: (username) => {
      const password = passwords.get(username);
      if (password === undefined) throw new Error(`${username} has no password on this broker`);
      return password;
    },
    log,
    stop,
  };
}
