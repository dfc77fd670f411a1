/**
 * The backend of `npm run bench:monitor`'s backend phase, in a process of its own: the embedded broker with the
 * directory and dispatcher (no tagger: the taggers under test are processes of their own, services/tagger/main.ts).
 * Sends the bench `{url, taggerToken, loadToken}` over IPC once it listens, and runs until killed.
 */
import { launchBackend } from '../services/backend';

export interface BrokerReady {
  url: string;
  taggerToken: string;
  loadToken: string;
}

const { backend } = await launchBackend({ classes: 0, tagger: false, tokenTtlSeconds: 3_600 });
process.send?.({
  url: backend.mqttUrl,
  taggerToken: await backend.serviceToken('tagger'),
  loadToken: await backend.serviceToken('bench'),
} satisfies BrokerReady);
process.on('disconnect', () => void backend.close().finally(() => process.exit(0)));
