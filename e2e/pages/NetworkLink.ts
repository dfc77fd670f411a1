import { createServer, connect, type Server, type Socket } from 'node:net';

interface Connection {
  client: Socket;
  upstream: Socket | null;
  /** Set when the network went down during this connection: nothing more crosses it, in either direction. */
  severed: boolean;
}

/**
 * One participant's network path to the backend: a TCP relay their browser context talks to instead of the backend
 * (its page, HTTP API and MQTT WebSocket all share one origin). `cut()` is a real network loss, the way a dropped
 * Wi-Fi looks from both ends: bytes stop crossing in both directions, no FIN or RST is sent, and new connections get
 * nowhere, so each side notices only through its own timeouts. Connections that lived through the loss are gone when
 * the network returns.
 *
 * Playwright's `context.setOffline(true)` is not that: in Chromium it holds an open WebSocket's frames and delivers
 * them when the context goes online again (checked with Chromium 156 and Playwright 1.65), and it tells the page it
 * is offline; the TCP connection itself never breaks.
 */
export class NetworkLink {
  private readonly connections = new Set<Connection>();
  private down = false;

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** Starts a relay in front of `backendUrl` (http://host:port) on a free local port. */
  static async open(backendUrl: string): Promise<NetworkLink> {
    const url = new URL(backendUrl);
    const link = new NetworkLink(createServer(), { host: url.hostname, port: Number(url.port) });
    await new Promise<void>((resolve, reject) => {
      link.server.once('error', reject);
      link.server.listen(0, '127.0.0.1', () => resolve());
    });
    return link;
  }

  /** The backend's address as seen through this link (use it instead of the console URL). */
  get url(): string {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the network link is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  cut(): void {
    this.down = true;
    for (const connection of this.connections) connection.severed = true;
  }

  restore(): void {
    this.down = false;
    for (const connection of [...this.connections]) if (connection.severed) this.drop(connection);
  }

  async close(): Promise<void> {
    for (const connection of [...this.connections]) this.drop(connection);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const connection: Connection = { client, upstream: null, severed: this.down };
    this.connections.add(connection);
    client.on('error', () => this.drop(connection));
    // While severed, whatever arrives is read and lost, as on a dead link.
    client.on('data', (chunk) => {
      if (!connection.severed) connection.upstream?.write(chunk);
    });
    client.on('close', () => {
      if (!connection.severed) this.drop(connection);
    });
    if (connection.severed) return;
    const upstream = connect(this.target.port, this.target.host);
    connection.upstream = upstream;
    client.pause();
    upstream.on('connect', () => client.resume());
    upstream.on('error', () => {
      if (!connection.severed) this.drop(connection);
    });
    upstream.on('data', (chunk) => {
      if (!connection.severed) client.write(chunk);
    });
    upstream.on('close', () => {
      if (!connection.severed) this.drop(connection);
    });
  }

  private drop(connection: Connection): void {
    this.connections.delete(connection);
    connection.client.destroy();
    connection.upstream?.destroy();
  }
}
