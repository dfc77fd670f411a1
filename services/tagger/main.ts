import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { DEFAULT_ROOT } from '../../shared/protocol/topics';
import { isId } from '../../shared/protocol/ids';
import { TaggerService } from './tagger';
import { parseShard, type Shard } from './shard';

const USAGE = `Usage: npx tsx services/tagger/main.ts --url URL --shard i/N [options]

Runs one tagger instance as a process of its own, against any broker configured to docs/protocol.md. Start N of
them with --shard 0/N … (N-1)/N: each tags the classes whose id hashes to its share.

  --url URL            the broker, mqtt://host:1883 (or ws://…/mqtt)
  --shard i/N          this instance's share (default 0/1: every class)
  --password-file FILE the password or service token of user svc-tagger, read again before every reconnection
                       (default: $TAGGER_PASSWORD); the client id is svc-tagger-<i>-of-<N>
  --root ROOT          topic root (default ${DEFAULT_ROOT})
  --stats-every S      print the counters as one JSON line every S seconds (default 60)
  --help               this text`;

function options(): { url: string; shard: Shard; passwordFile: string | undefined; root: string; statsEveryMs: number } {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      shard: { type: 'string' },
      'password-file': { type: 'string' },
      root: { type: 'string' },
      'stats-every': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!values.url || !/^(mqtts?|wss?):\/\//.test(values.url)) throw new Error('--url needs an mqtt://, mqtts://, ws:// or wss:// address');
  const root = values.root ?? DEFAULT_ROOT;
  if (!isId(root)) throw new Error(`--root must be an id, got ${JSON.stringify(root)}`);
  if (!values['password-file'] && !process.env.TAGGER_PASSWORD) throw new Error('give --password-file or set TAGGER_PASSWORD');
  const statsEvery = Number(values['stats-every'] ?? 60);
  if (!Number.isFinite(statsEvery) || statsEvery < 1 || statsEvery > 3_600) throw new Error(`--stats-every needs seconds from 1 to 3600, got ${JSON.stringify(values['stats-every'])}`);
  return { url: values.url, shard: parseShard(values.shard ?? '0/1'), passwordFile: values['password-file'], root, statsEveryMs: statsEvery * 1_000 };
}

async function main(): Promise<void> {
  let config;
  try {
    config = options();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  const { passwordFile } = config;
  const token = async () => (passwordFile ? (await readFile(passwordFile, 'utf8')).trim() : process.env.TAGGER_PASSWORD!);
  const tagger = await TaggerService.start({
    link: { url: config.url, token, refreshEveryMs: 60_000, onError: (e) => console.error('[tagger]', e.message) },
    root: config.root,
    shard: config.shard,
    onError: (error) => console.error('[tagger]', error),
  });
  console.log(`tagger ${config.shard.index}/${config.shard.count} connected to ${config.url}`);
  const report = setInterval(() => console.log(JSON.stringify({ at: new Date().toISOString(), ...tagger.stats() })), config.statsEveryMs);
  const stop = () => {
    clearInterval(report);
    tagger.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('The tagger failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
