import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CLASSES, launchBackend } from './backend';
import { serviceUserId } from '../shared/auth/client-id';
import { BackendOptionsSchema, describeIssues } from './backend-options';
import { DEFAULT_OFFLINE_QUEUE_CAP } from './broker/offline-queue-cap';

const USAGE = `Usage: npm run services -- [options]

Runs the embedded classroom backend on its own: broker, directory, simulator and HTTP API.

  --classes N      simulated classes (default ${DEFAULT_CLASSES}; 0 for none)
  --port N         HTTP + MQTT-over-WebSocket port (default 0: any free port)
  --mqtt-port N    plain MQTT port (default 0: any free port)
  --host H         address to listen on (default 127.0.0.1)
  --persist DIR    keep retained messages, persistent sessions and the token signing keys in DIR across restarts
  --rotate-signing-key  sign new tokens with a new key from this start; the previous key verifies until its last
                   token has expired (needs --persist)
  --offline-queue-cap N  QoS 1 messages at most queued for a persistent session whose client is away; newer ones
                   are dropped and counted (GET /api/broker/stats) (default ${DEFAULT_OFFLINE_QUEUE_CAP})
  --releases DIR   keep the release service's state, artifacts and signing key here (default: DIR/releases of
                   --persist, else a temporary folder removed at exit)
  --reports DIR    keep the class reports here (default: DIR/reports of --persist, else in memory)
  --report-retention-days N  keep a class's report N days after the class ends, then delete it (default 90)
  --static DIR     serve this folder (the built renderer, out/renderer) at / for browser mode
  --seed N         simulator seed (default 1)
  --no-simulate    publish the simulated presence once and keep it still
  --faults N       random faults per live class per hour in the simulated classes (default 0)
  --unfixable X    share of those faults no remedy fixes (default 0.2)
  --ttl SECONDS    token lifetime (default 900)
  --disconnect-expired  close MQTT connections when their token expires (default: checked at connect only)
  --no-tagger      run no tagger here (taggers run as their own processes: services/tagger/main.ts)
  --media-lines FILE  the classes' network lines (JSON array of {id, label, iceServers, policy?}) instead of the
                   embedded relay
  --no-relay       run no embedded TURN relay (the only line is direct)
  --relay-port N   UDP port of the embedded TURN relay (default 0: any free port)
  --relay-address A  address peers send relayed media to (default: the --host address)
  --sfu            carry group classes' media through the SFU (needs mediasoup installed: docs/operations.md)
  --sfu-announced-address A  the SFU's address as clients reach it (a public IP behind NAT)
  --sfu-workers N  mediasoup workers (default: one per core)
  --help-tag-wait S  how long a help request no tag covers yet waits for one before a person gets it (default 60)
  --remedy-ack S   how long a remedy may go unacknowledged before the request is escalated (default 10)
  --remedy-watch S how long after the acknowledgement the problem tag has to clear (default 45)
  --help           this text`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} needs a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

function milliseconds(name: string, seconds: string | undefined): number | undefined {
  const value = integer(name, seconds);
  return value === undefined ? undefined : value * 1_000;
}

function days(name: string, value: string | undefined): number | undefined {
  const whole = integer(name, value);
  return whole === undefined ? undefined : whole * 86_400_000;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      classes: { type: 'string' },
      port: { type: 'string' },
      'mqtt-port': { type: 'string' },
      host: { type: 'string' },
      persist: { type: 'string' },
      'offline-queue-cap': { type: 'string' },
      'rotate-signing-key': { type: 'boolean' },
      static: { type: 'string' },
      releases: { type: 'string' },
      reports: { type: 'string' },
      'report-retention-days': { type: 'string' },
      seed: { type: 'string' },
      'no-simulate': { type: 'boolean' },
      faults: { type: 'string' },
      unfixable: { type: 'string' },
      ttl: { type: 'string' },
      'disconnect-expired': { type: 'boolean' },
      'no-tagger': { type: 'boolean' },
      'media-lines': { type: 'string' },
      'no-relay': { type: 'boolean' },
      'relay-port': { type: 'string' },
      'relay-address': { type: 'string' },
      sfu: { type: 'boolean' },
      'sfu-announced-address': { type: 'string' },
      'sfu-workers': { type: 'string' },
      'help-tag-wait': { type: 'string' },
      'remedy-ack': { type: 'string' },
      'remedy-watch': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values['rotate-signing-key'] && !values.persist) throw new Error('--rotate-signing-key needs --persist: without it every start has a new key');
  const parsed = BackendOptionsSchema.safeParse({
    classes: integer('classes', values.classes),
    port: integer('port', values.port),
    mqttPort: integer('mqtt-port', values['mqtt-port']),
    host: values.host,
    persistDir: values.persist && resolve(values.persist),
    offlineQueueCap: integer('offline-queue-cap', values['offline-queue-cap']),
    rotateSigningKey: values['rotate-signing-key'] ? true : undefined,
    staticDir: values.static && resolve(values.static),
    releasesDir: values.releases && resolve(values.releases),
    reportsDir: values.reports && resolve(values.reports),
    reportRetentionMs: days('report-retention-days', values['report-retention-days']),
    seed: integer('seed', values.seed),
    simulate: values['no-simulate'] ? false : undefined,
    simulation: values.faults === undefined && values.unfixable === undefined ? undefined : {
      faults: { perClassHour: values.faults === undefined ? undefined : Number(values.faults), unfixableShare: values.unfixable === undefined ? undefined : Number(values.unfixable) },
      help: { healthyPerClassHour: 0.05, invalidPerClassHour: 0.02 },
    },
    tokenTtlSeconds: integer('ttl', values.ttl),
    disconnectOnTokenExpiry: values['disconnect-expired'] ? true : undefined,
    tagger: values['no-tagger'] ? false : undefined,
    media: {
      lines: values['media-lines'] === undefined ? undefined : (JSON.parse(readFileSync(resolve(values['media-lines']), 'utf8')) as unknown),
      relay: values['no-relay'] ? false : undefined,
      relayPort: integer('relay-port', values['relay-port']),
      relayAddress: values['relay-address'],
      sfu: values.sfu,
      sfuAnnouncedAddress: values['sfu-announced-address'],
      sfuWorkers: integer('sfu-workers', values['sfu-workers']),
    },
    dispatcher: {
      coverageGraceMs: milliseconds('help-tag-wait', values['help-tag-wait']),
      ackTimeoutMs: milliseconds('remedy-ack', values['remedy-ack']),
      pendingWindowMs: milliseconds('remedy-watch', values['remedy-watch']),
    },
  });
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  return parsed.data;
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  const { backend, internals } = await launchBackend({ ...options, onError: (error) => console.error('[backend]', error) });
  const lines = [
    'Classroom backend is running.',
    `  HTTP API and console   ${backend.httpUrl}${options.staticDir ? '' : '   (no console: pass --static out/renderer)'}`,
    `  MQTT over WebSocket    ${backend.wsUrl}`,
    `  MQTT over TCP          ${backend.mqttUrl}`,
    `  Classes simulated      ${options.classes ?? DEFAULT_CLASSES}`,
    `  Persistence            ${options.persistDir ?? 'in memory'}`,
    `  Token signing key      ${internals.tokens.signingKid} ${options.persistDir ? `(${internals.tokens.jwks().keys.length} trusted, in ${join(options.persistDir, 'keys')})` : '(this process only: tokens end with it)'}`,
    `  Releases               ${backend.httpUrl}/api/releases/feed/ (signing key ${internals.releases.signing.publicKey.keyId}, in ${internals.releases.dir})`,
    `  Class reports          kept ${internals.reports.retentionMs / 86_400_000} days after each class, ${internals.reports.where}`,
    `  Media relay (TURN)     ${internals.media?.relay?.url ?? 'none'}`,
    `  SFU                    ${internals.media?.sfu ? `${internals.media.sfu.workerCount} mediasoup workers` : 'not running (group classes are peer-to-peer)'}`,
    '',
    `Demo tokens (valid for ${options.tokenTtlSeconds ?? 900} s; the MQTT username is the user id):`,
  ];
  for (const account of backend.demoAccounts) {
    const issued = await internals.tokens.issue(account.username, account.password);
    if (issued.ok) lines.push(`  ${account.role.padEnd(10)} ${account.username.padEnd(12)} ${issued.token.token}`);
  }
  lines.push(
    `  ${'service'.padEnd(10)} ${serviceUserId('tagger').padEnd(12)} ${await backend.serviceToken('tagger')}`,
    '  (a service connects with its user id as username and client id svc-<name> or svc-<name>-<instance>)',
    '',
    'Press Ctrl-C to stop.',
  );
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the classroom backend…`);
    backend.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('failed to stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The classroom backend failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
