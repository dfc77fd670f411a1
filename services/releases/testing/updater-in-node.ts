import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NodeHttpExecutor } from 'builder-util/out/nodeHttpExecutor';
import { AppImageUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';

/**
 * Electron's `app` object as electron-updater uses it (AppAdapter), for running the real updater in Node: a version,
 * a name, folders, and lifecycle calls that do nothing. Only this is stood in for.
 */
export function nodeApp(version: string, dir: string): AppAdapter {
  return {
    version,
    name: 'classroom-console',
    isPackaged: true,
    appUpdateConfigPath: join(dir, 'app-update.yml'),
    userDataPath: join(dir, 'user-data'),
    baseCachePath: join(dir, 'cache'),
    whenReady: async () => {},
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
}

/**
 * electron-updater's own HTTP executor (its download and differential logic untouched) with the request itself made
 * by Node's http through electron-builder's executor, since Electron's `net` module does not exist outside Electron.
 */
class NodeNetExecutor extends ElectronHttpExecutor {
  private readonly node = new NodeHttpExecutor();

  override createRequest(options: unknown, callback: (response: unknown) => void): never {
    return this.node.createRequest(options, callback) as never;
  }

  // Node's http does not follow redirects itself; builder-util-runtime's response handling does.
  protected override addRedirectHandlers(): void {}
}

export interface NodeUpdater {
  updater: AppImageUpdater;
  log: string[];
}

/**
 * electron-updater's AppImageUpdater, unmodified, pointed at a feed URL. Given an app adapter it leaves its HTTP
 * executor unset (its default one needs Electron's `net`), so it gets NodeNetExecutor.
 */
export async function updaterInNode(options: { version: string; dir: string; feedUrl: string; headers: Record<string, string> }): Promise<NodeUpdater> {
  await mkdir(options.dir, { recursive: true });
  await writeFile(join(options.dir, 'app-update.yml'), `provider: generic\nurl: ${options.feedUrl}\nupdaterCacheDirName: classroom-console-updater\n`);
  const updater = new AppImageUpdater(undefined, nodeApp(options.version, options.dir));
  (updater as unknown as { httpExecutor: NodeNetExecutor }).httpExecutor = new NodeNetExecutor();
  updater.setFeedURL({ provider: 'generic', url: options.feedUrl });
  updater.requestHeaders = options.headers;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  const log: string[] = [];
  const record = (level: string) => (message: unknown) => void log.push(`${level}: ${String(message)}`);
  updater.logger = { info: record('info'), warn: record('warn'), error: record('error'), debug: record('debug') };
  return { updater, log };
}
