import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MAX_PAYLOAD_BYTES } from '../../../shared/protocol/kinds';
import { mosquittoAcl } from '../../broker/mosquitto-acl';
import { Clients, Inbox, subscribe } from '../clients';
import { CONFORMANCE_USERS, type BrokerFixture, type ConformanceUser } from './fixture';

const SPY_USER = 'conformance-spy';

export interface MosquittoBinaries {
  broker: string;
  passwd: string;
  /** A C compiler that finds Mosquitto's plugin headers, for the client-id plugin. */
  cc: string;
}

/** The client-id plugin of docs/operations.md, built from source for the broker under test. */
export const CLIENT_ID_PLUGIN_SOURCE = fileURLToPath(new URL('../../broker/mosquitto/classroom_client_id.c', import.meta.url));

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

async function waitUntilListening(child: ChildProcess, ports: number[], log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited with ${child.exitCode}:\n${log()}`);
    const ready = await Promise.all(ports.map(canConnect));
    if (ready.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`mosquitto did not open ports ${ports.join(', ')}:\n${log()}`);
}

/**
 * Mosquitto with a generated configuration: TCP and WebSocket listeners on free ports, no anonymous access, a
 * password file made by mosquitto_passwd and an ACL file generated from shared/protocol/acl.ts.
 */
export async function mosquittoFixture(binaries: MosquittoBinaries): Promise<BrokerFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'conformance-mosquitto-'));
  // Mosquitto started as root drops to its own user before reading the password and ACL files.
  await chmod(dir, 0o755);
  const passwords = new Map<string, string>([...CONFORMANCE_USERS.map((u) => u.username), SPY_USER].map((u) => [u, randomBytes(12).toString('hex')]));
  const passwdFile = join(dir, 'passwd');
  const aclFile = join(dir, 'acl');
  const confFile = join(dir, 'mosquitto.conf');
  await writeFile(passwdFile, [...passwords].map(([user, password]) => `${user}:${password}\n`).join(''), { mode: 0o644 });
  await promisify(execFile)(binaries.passwd, ['-U', passwdFile]);
  const plugin = join(dir, 'classroom_client_id.so');
  await promisify(execFile)(binaries.cc, ['-shared', '-fPIC', '-O2', '-Wall', '-Werror', '-o', plugin, CLIENT_ID_PLUGIN_SOURCE]);
  await writeFile(aclFile, `${mosquittoAcl(CONFORMANCE_USERS)}\n# The test's observer\nuser ${SPY_USER}\ntopic read #\ntopic read $SYS/#\n`, { mode: 0o644 });
  const [mqttPort, wsPort] = [await freePort(), await freePort()];
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
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      `listener ${mqttPort} 127.0.0.1`,
      'protocol mqtt',
      `listener ${wsPort} 127.0.0.1`,
      'protocol websockets',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );

  const lines: string[] = [];
  const child = spawn(binaries.broker, ['-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean).slice(-50));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilListening(child, [mqttPort, wsPort], () => lines.slice(-20).join('\n'));
  } catch (error) {
    await stop();
    throw error;
  }

  const mqttUrl = `mqtt://127.0.0.1:${mqttPort}`;
  const credentialsOf = (user: string) => ({ username: user, password: passwords.get(user)! });
  return {
    name: 'Mosquitto',
    mqttUrl,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    credentials: async (user: ConformanceUser) => credentialsOf(user),
    wrongCredentials: async (user: ConformanceUser) => ({ username: user, password: 'not-the-password' }),
    spy: async (filters) => {
      const clients = new Clients();
      const client = await clients.connect(mqttUrl, credentialsOf(SPY_USER));
      const inbox = Inbox.of(client);
      await subscribe(client, filters);
      // Only what is published while the spy watches: retained messages from earlier tests are not events.
      const live = inbox.messages;
      return {
        get messages() {
          return live.filter((m) => !m.retain);
        },
        waitForTopic: async (topic) => void (await inbox.waitFor((m) => m.topic === topic && !m.retain, `a live message on ${topic}`)),
        close: () => clients.closeAll(),
      };
    },
    close: stop,
  };
}
