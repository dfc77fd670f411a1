/**
 * The embedded broker alone in a process of its own, with LevelDB persistence: for the test that kills it
 * (durable-ack.test.ts) and for bench/broker-qos1.ts. Fork it with an IPC channel (`execArgv: ['--import', 'tsx']`)
 * and send a `BrokerProcessRequest`; it starts the broker and answers a `BrokerProcessReady`. Nothing else runs here
 * (no HTTP server, no classroom services), so it starts in well under a second.
 */
import { UserStore } from '../auth/users';
import { TokenService } from '../auth/tokens';
import { serviceUserId } from '../../shared/auth/client-id';
import { DEFAULT_ROOT } from '../../shared/protocol/topics';
import { BrokerAccess } from './access';
import { BrokerHost } from './host';
import { onDisk } from './persistence';

export interface BrokerProcessRequest {
  /** The LevelDB folder; a broker started again on the same folder finds its retained messages and sessions. */
  dir: string;
  ackAfterStore?: boolean;
  /** The service whose token comes back: connect as `svc-<service>` with client ids `svc-<service>-<anything>`. */
  service: string;
}

export interface BrokerProcessReady {
  mqttUrl: string;
  username: string;
  password: string;
}

if (!process.send) throw new Error('fork this file with an IPC channel');
const reply = process.send.bind(process);

process.once('message', (message) => {
  void start(message as BrokerProcessRequest).then(
    (ready) => reply(ready),
    (error: unknown) => {
      console.error('the broker process failed to start:', error);
      process.exit(1);
    },
  );
});

async function start(request: BrokerProcessRequest): Promise<BrokerProcessReady> {
  const tokens = await TokenService.create(await UserStore.create([]), { ttlSeconds: 3_600 });
  const access = new BrokerAccess({ verify: (token) => tokens.verify(token), root: DEFAULT_ROOT });
  const broker = new BrokerHost({
    host: '127.0.0.1',
    mqttPort: 0,
    access,
    persistence: onDisk(request.dir),
    ackAfterStore: request.ackAfterStore,
    onError: (error) => console.error('[broker]', error),
  });
  await broker.start();
  const password = (await tokens.serviceToken(request.service)).token;
  return { mqttUrl: `mqtt://127.0.0.1:${broker.mqttPort}`, username: serviceUserId(request.service), password };
}
