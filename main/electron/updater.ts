import { app, session } from 'electron';
import electronUpdater, { type AppUpdater, type BaseUpdater, type CancellationToken as Token } from 'electron-updater';
import type { ReleasePublicKey } from '../../shared/releases/documents';
import type { FeedInfo } from '../../shared/releases/update-decision';
import type { UpdateController, UpdaterPort } from '../updates/controller';
import { checkHeaders, confirmInstall, judgeFeed, verifyDownload } from '../updates/release-client';

const { autoUpdater, CancellationToken } = electronUpdater;

/** electron-updater fetches through this session (its NET_SESSION_NAME); throttling it slows only the updater. */
const UPDATER_PARTITION = 'electron-updater';

export interface UpdaterWiring {
  /** The feed to ask now (main/updates/release-client.ts feedUrlFor); null when no release service is known yet. */
  feedUrl(): string | null;
  /** The release signing keys the app trusts (built in, admin policy, the embedded backend's in local mode). */
  trustedKeys(): Promise<ReleasePublicKey[]>;
  currentVersion: string;
  report(problem: string): void;
}

/**
 * electron-updater as the UpdaterPort of main/updates/controller.ts. It decides nothing: autoDownload is off (the
 * policy starts downloads), allowDowngrade is on (the shared verifier and the policy decide, and only a signed
 * revoke mark takes an older version), autoInstallOnAppQuit follows the policy, and every file is checked against
 * the signed manifest before the controller hears it is ready.
 */
export function createUpdaterPort(wiring: UpdaterWiring): { port: UpdaterPort; connect(controller: UpdateController): void } {
  const updater: AppUpdater = autoUpdater;
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = true;
  updater.logger = { info: () => {}, warn: (m: unknown) => wiring.report(`updater: ${String(m)}`), error: (m: unknown) => wiring.report(`updater: ${String(m)}`) };

  let controller: UpdateController | null = null;
  let lastFeed: { url: string; info: FeedInfo } | null = null;
  let token: Token | null = null;
  const cancelled = new WeakSet<Token>();
  let discarding: Promise<void> = Promise.resolve();

  const port: UpdaterPort = {
    async check(request) {
      const url = wiring.feedUrl();
      if (url === null) throw new Error('no release service is known for this connection yet');
      updater.setFeedURL({ provider: 'generic', url });
      updater.requestHeaders = checkHeaders(request);
      const result = await updater.checkForUpdates();
      if (!result) throw new Error('electron-updater is not active in this copy');
      const info = result.updateInfo as unknown as FeedInfo;
      lastFeed = { url, info };
      return { feed: await judgeFeed(await wiring.trustedKeys(), info, wiring.currentVersion) };
    },
    download() {
      const mine = new CancellationToken();
      token = mine;
      // A discard in flight clears the cache folder; the next download waits for it.
      void discarding
        .then(() => updater.downloadUpdate(mine))
        .catch((error: unknown) => {
          if (!cancelled.has(mine)) controller?.onDownloadError((error as Error).message || String(error));
        });
    },
    cancelDownload() {
      if (token) {
        cancelled.add(token);
        token.cancel();
      }
      token = null;
    },
    setSpeed(bytesPerSecond) {
      const updaterSession = session.fromPartition(UPDATER_PARTITION, { cache: false });
      if (bytesPerSecond === null) updaterSession.disableNetworkEmulation();
      else updaterSession.enableNetworkEmulation({ downloadThroughput: bytesPerSecond });
    },
    discard() {
      port.cancelDownload();
      updater.autoInstallOnAppQuit = false;
      // electron-updater keeps the file in <cache>/pending; its helper is not public API, so it is reached carefully.
      const helper = (updater as unknown as { downloadedUpdateHelper?: { clear(): Promise<void> } | null }).downloadedUpdateHelper;
      discarding = helper ? helper.clear() : Promise.resolve();
      return discarding;
    },
    setInstallAtQuit(on) {
      updater.autoInstallOnAppQuit = on;
    },
    async confirm(version) {
      const feed = lastFeed?.url ?? wiring.feedUrl();
      if (!feed) return { install: false, reason: 'no release service is known for this connection', discard: false };
      return confirmInstall(await wiring.trustedKeys(), fetchJson, feed, version);
    },
    install(restart) {
      if (process.platform === 'darwin') {
        // Squirrel.Mac installs as the app quits; quitAndInstall quits (and relaunches) itself.
        updater.quitAndInstall(true, restart);
        return;
      }
      const errors: string[] = [];
      const onError = (error: Error) => errors.push(error.message);
      updater.on('error', onError);
      try {
        if (!(updater as BaseUpdater).install(true, restart)) throw new Error(errors[0] ?? 'electron-updater refused to start the installer');
      } finally {
        updater.off('error', onError);
      }
      if (restart) setImmediate(() => app.quit());
    },
  };

  return {
    port,
    connect(target) {
      controller = target;
      updater.on('download-progress', (progress) => target.onProgress(progress));
      updater.on('update-downloaded', (event) => {
        const feed = lastFeed;
        void (async () => {
          const problem = feed === null || feed.info.version !== event.version ? 'the feed it came from is gone' : await verifyDownload(await wiring.trustedKeys(), feed.info, event.downloadedFile);
          target.onDownloaded(event.version, problem);
        })();
      });
    },
  };
}

/** GET a JSON document through the updater's session (the system's proxy settings apply), refusing anything but 200. */
async function fetchJson(url: string): Promise<unknown> {
  const response = await session.fromPartition(UPDATER_PARTITION, { cache: false }).fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}
