/**
 * The release service for bench:rollout, alone in its own process (so its core and its memory are its own): the
 * embedded backend with no classes and no tagger. It tells its parent where it is and an admin token, answers `rss`
 * with its resident memory, and closes on `stop`.
 */
import { launchBackend } from '../services/backend';

export type RolloutServiceReady = { httpUrl: string; adminToken: string; pid: number };
export type RolloutServiceMessage = { rssBytes: number };

const { backend } = await launchBackend({ classes: 0, tagger: false });
const issued = await backend.issueToken('admin1', 'demo');
if (!issued.ok) throw new Error('admin1 could not sign in');
process.send?.({ httpUrl: backend.httpUrl, adminToken: issued.token.token, pid: process.pid } satisfies RolloutServiceReady);
process.on('message', (message: unknown) => {
  if (message === 'rss') process.send?.({ rssBytes: process.memoryUsage().rss } satisfies RolloutServiceMessage);
  if (message === 'stop') void backend.close().then(() => process.exit(0));
});
