import { Clients, Inbox, subscribe } from '../clients';
import { launchMosquitto, type MosquittoBinaries } from '../mosquitto';
import { CONFORMANCE_USERS, type BrokerFixture, type ConformanceUser } from './fixture';

const SPY_USER = 'conformance-spy';

/**
 * Mosquitto with a generated configuration (services/testing/mosquitto.ts): TCP and WebSocket listeners on free ports,
 * the conformance users with the ACL of their roles, and an observer that reads everything.
 */
export async function mosquittoFixture(binaries: MosquittoBinaries): Promise<BrokerFixture> {
  const broker = await launchMosquitto(binaries, {
    users: CONFORMANCE_USERS,
    extraUsers: [SPY_USER],
    extraAcl: `\n# The test's observer\nuser ${SPY_USER}\ntopic read #\ntopic read $SYS/#\n`,
    websockets: true,
  });
  const { mqttUrl } = broker;
  const credentialsOf = (user: string) => ({ username: user, password: broker.passwordOf(user) });
  return {
    name: 'Mosquitto',
    mqttUrl,
    wsUrl: broker.wsUrl!,
    credentials: async (user: ConformanceUser) => credentialsOf(user),
    wrongCredentials: async (user: ConformanceUser) => ({ username: user, password: 'not-the-password' }),
    spy: async (filters) => {
      const clients = new Clients();
      const client = await clients.connect(mqttUrl, credentialsOf(SPY_USER));
      const inbox = Inbox.of(client);
      await subscribe(client, filters);
      // Only what is published while the spy watches: retained messages from earlier tests are not events.
      const live = inbox.messages;
      return {
        get messages() {
          return live.filter((m) => !m.retain);
        },
        waitForTopic: async (topic) => void (await inbox.waitFor((m) => m.topic === topic && !m.retain, `a live message on ${topic}`)),
        close: () => clients.closeAll(),
      };
    },
    close: broker.stop,
  };
}
