import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocketServer } from 'ws';
import { MAX_PAYLOAD_BYTES } from '../../shared/protocol/kinds';
import { ASSET_ROUTES, handleAssets, type AssetRoutesDeps } from '../assets/routes';
import { BROKER_STATS_ROUTES, handleBrokerStats, type BrokerStatsRouteDeps } from '../broker/stats-route';
import { AUDIT_ROUTES, handleAudit, type AuditRouteDeps } from '../dispatcher/audit-route';
import { RELEASE_ROUTES, handleReleases, type ReleaseRoutesDeps } from '../releases/routes';
import { RECORDING_ROUTES, handleRecordings, type RecordingRoutesDeps } from '../recorder/routes';
import { API_ROUTES, handleApi, type ApiDeps } from './api';
import { SECURITY_HEADERS } from './csp';
import { mqttWebSocketStream } from './websocket-stream';
import type { HttpRoute } from './route';

export const MQTT_WS_PATH = '/mqtt';

/** Every route the server answers, the WebSocket upgrade included: the table in docs/protocol.md ("HTTP API"). */
export const HTTP_ROUTES: readonly HttpRoute[] = [
  ...API_ROUTES,
  ...AUDIT_ROUTES,
  ...BROKER_STATS_ROUTES,
  ...ASSET_ROUTES,
  ...RELEASE_ROUTES,
  ...RECORDING_ROUTES,
  { method: 'GET', path: MQTT_WS_PATH },
];

/** Where WebSocket connections on /mqtt go: the broker, when it is up. */
export interface MqttEndpoint {
  readonly running: boolean;
  handle(stream: Duplex, request: IncomingMessage): void;
}

export interface HttpServerOptions {
  host: string;
  port: number;
  api: ApiDeps;
  mqtt: MqttEndpoint;
  /** The courseware asset store under /api/classes/{classId}/assets. */
  assets?: AssetRoutesDeps;
  /** The dispatcher's audit log under /api/audit, for supervisors. */
  audit?: AuditRouteDeps;
  /** The embedded broker's counters under /api/broker/stats, for supervisors and services. */
  brokerStats?: BrokerStatsRouteDeps;
  /** The release service under /api/releases: electron-updater feeds and artifacts, and the admins' actions. */
  releases?: ReleaseRoutesDeps;
  /** Class recordings under /api/recordings, for replay. */
  recordings?: RecordingRoutesDeps;
  /** The built renderer, served at / with a fallback to index.html. */
  staticDir?: string;
}

export interface RunningHttpServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

function notFound(res: ServerResponse, message: string): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(message);
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** One port for the JSON API, the static console and MQTT over WebSocket. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const serveStatic = options.staticDir
    ? sirv(options.staticDir, {
        single: true,
        etag: true,
        dev: false,
        setHeaders: (res) => {
          for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        },
      })
    : null;

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    if (options.releases && (await handleReleases(req, res, options.releases))) return;
    if (options.assets && (await handleAssets(req, res, options.assets))) return;
    if (options.audit && (await handleAudit(req, res, options.audit))) return;
    if (options.brokerStats && (await handleBrokerStats(req, res, options.brokerStats))) return;
    if (options.recordings && (await handleRecordings(req, res, options.recordings))) return;
    if (await handleApi(req, res, options.api)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', ...SECURITY_HEADERS });
      res.end();
      return;
    }
    if (!serveStatic) return notFound(res, 'This backend serves no console: start it with a static folder (the built renderer).');
    serveStatic(req, res, () => notFound(res, 'Not found. Has the renderer been built (npm run build)?'));
  };
  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      options.api.onError?.(error);
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end();
    });
  });

  // Frames up to the largest protocol message plus MQTT framing; anything larger closes the socket.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES + 16 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://backend').pathname;
    if (path !== MQTT_WS_PATH) return refuseUpgrade(socket, '404 Not Found');
    if (!options.mqtt.running) return refuseUpgrade(socket, '503 Service Unavailable');
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const stream = mqttWebSocketStream(ws);
      stream.on('error', () => stream.destroy());
      options.mqtt.handle(stream, req);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : options.port;

  return {
    server,
    port,
    close: async () => {
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
