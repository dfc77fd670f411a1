import { launchBackend } from '../../backend';
import { TokenService } from '../../auth/tokens';
import { DEMO_ACCOUNTS, UserStore } from '../../auth/users';
import type { BrokerFixture, Spy } from './fixture';

/** The embedded backend on OS-chosen ports, without simulated classes, so only the tests publish. */
export async function aedesFixture(): Promise<BrokerFixture> {
  const { backend, internals } = await launchBackend({ classes: 0 });
  const foreign = await TokenService.create(await UserStore.create(DEMO_ACCOUNTS), { ttlSeconds: 900 });

  async function tokenFor(service: TokenService, user: string): Promise<string> {
    if (user === 'svc-conformance') return (await service.serviceToken('conformance')).token;
    const result = await service.issue(user, 'demo');
    if (!result.ok) throw new Error(`no token for ${user}: ${result.message}`);
    return result.token.token;
  }

  return {
    name: 'Aedes (embedded backend)',
    mqttUrl: backend.mqttUrl,
    wsUrl: backend.wsUrl,
    credentials: async (user) => ({ username: user, password: await tokenFor(internals.tokens, user) }),
    wrongCredentials: async (user) => ({ username: user, password: await tokenFor(foreign, user) }),
    spy: async (filters) => {
      const messages: Spy['messages'] = [];
      const waiters: { topic: string; resolve: () => void }[] = [];
      const stops = filters.map((filter) =>
        internals.broker.spy(filter, (packet) => {
          messages.push({ topic: packet.topic, payload: Buffer.from(packet.payload) });
          for (const waiter of waiters.filter((w) => w.topic === packet.topic)) waiter.resolve();
        }),
      );
      return {
        messages,
        waitForTopic: (topic) =>
          messages.some((m) => m.topic === topic)
            ? Promise.resolve()
            : new Promise<void>((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(`the spy saw nothing on ${topic}`)), 5_000);
                waiters.push({ topic, resolve: () => (clearTimeout(timer), resolve()) });
              }),
        close: async () => stops.forEach((stop) => stop()),
      };
    },
    close: () => backend.close(),
  };
}
