import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { MediaLine } from '../../shared/protocol/media';
import type { ServiceLink } from '../mqtt/service-connection';
import { TurnServer } from '../relay/turn-server';
import { MediaConfigPublisher, defaultLines } from './media-config';

/** How a backend sets up class media; all optional. */
export const MediaOptionsSchema = z
  .object({
    /** The network lines every class may use, in order; by default direct, then the embedded relay. */
    lines: z.array(MediaLine).min(1).max(8).optional(),
    /** Run the embedded TURN relay (local mode and tests). Default true; ignored when `lines` are given. */
    relay: z.boolean().optional(),
    relayPort: z.number().int().min(0).max(65_535).optional(),
    /** The address peers send relayed media to; the backend's host when left out. */
    relayAddress: z.string().min(1).max(255).optional(),
    /** Group classes use the SFU service (services/sfu, which needs mediasoup installed). Default false. */
    sfu: z.boolean().optional(),
  })
  .strict();
export type MediaOptions = z.infer<typeof MediaOptionsSchema>;

export interface MediaServicesOptions {
  link: ServiceLink;
  root: string;
  /** The host the backend listens on; the relay listens there too. */
  host: string;
  classes: readonly { id: string; capacity: number }[];
  options?: MediaOptions;
  /** True when an SFU service answers for this backend. */
  sfuRunning?: boolean;
  onError?(error: unknown): void;
}

const RELAY_USER = 'classroom';

/** The backend's media side: the class configuration publisher and, unless lines are configured, a TURN relay. */
export class MediaServices {
  private constructor(
    readonly config: MediaConfigPublisher,
    /** Null when lines are configured or the relay is switched off. */
    readonly relay: TurnServer | null,
  ) {}

  static async start({ link, root, host, classes, options = {}, sfuRunning = false, onError }: MediaServicesOptions): Promise<MediaServices> {
    let relay: TurnServer | null = null;
    let lines = options.lines;
    if (!lines) {
      if (options.relay ?? true) {
        const password = randomBytes(12).toString('hex');
        const listenHost = host === '::' ? '0.0.0.0' : host;
        const relayAddress = options.relayAddress ?? (listenHost === '0.0.0.0' ? '127.0.0.1' : listenHost);
        relay = await TurnServer.start({ host: listenHost, port: options.relayPort ?? 0, relayAddress, credentials: { username: RELAY_USER, password }, onError });
        lines = defaultLines({ url: relay.url, username: RELAY_USER, password });
      } else {
        lines = defaultLines(null);
      }
    }
    try {
      const config = await MediaConfigPublisher.start({ link, root, classes, lines, sfuForGroups: (options.sfu ?? false) && sfuRunning });
      return new MediaServices(config, relay);
    } catch (error) {
      await relay?.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.config.stop();
    await this.relay?.stop();
  }
}
