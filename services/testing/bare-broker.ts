import { Aedes, type AedesOptions } from 'aedes';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface BareBroker {
  broker: Aedes;
  url: string;
  close(): Promise<void>;
}

/**
 * A real MQTT broker on a free local port with none of the product's access rules: for tests of a connection's own
 * behaviour (what it writes, how it closes), where a broker's quirk is set through `options`.
 */
export async function startBareBroker(options: Partial<AedesOptions> = {}): Promise<BareBroker> {
  const broker = await Aedes.createBroker(options);
  const server = createServer(broker.handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    broker,
    url: `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      server.close();
    },
  };
}
