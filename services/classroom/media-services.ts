import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { MediaLine } from '../../shared/protocol/media';
import type { ServiceLink } from '../mqtt/service-connection';
import { TurnServer } from '../relay/turn-server';
import { SfuService } from '../sfu/sfu-service';
import type { ClaimsLookup } from './requester';
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
    /** The address the SFU announces to clients (its public IP behind NAT); the listening address by default. */
    sfuAnnouncedAddress: z.string().min(1).max(255).optional(),
    /** mediasoup workers; one per core by default. */
    sfuWorkers: z.number().int().min(1).max(256).optional(),
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
  /** Who may use the SFU: requests are checked against the requester's class scope and role. */
  claimsOf: ClaimsLookup;
  onError?(error: unknown): void;
}

const RELAY_USER = 'classroom';

/**
 * The backend's media side: the class configuration publisher, a TURN relay unless lines are configured, and the
 * SFU when asked for and mediasoup is installed (without it, group classes stay peer-to-peer and the reason is
 * reported through onError).
 */
export class MediaServices {
  private constructor(
    readonly config: MediaConfigPublisher,
    /** Null when lines are configured or the relay is switched off. */
    readonly relay: TurnServer | null,
    readonly sfu: SfuService | null,
  ) {}

  static async start({ link, root, host, classes, options = {}, claimsOf, onError }: MediaServicesOptions): Promise<MediaServices> {
    const listenHost = host === '::' ? '0.0.0.0' : host;
    const sfu = options.sfu ? await startSfu({ link, root, claimsOf, listenIp: listenHost, options, onError }) : null;
    let relay: TurnServer | null = null;
    try {
      let lines = options.lines;
      if (!lines && (options.relay ?? true)) {
        const password = randomBytes(12).toString('hex');
        const relayAddress = options.relayAddress ?? (listenHost === '0.0.0.0' ? '127.0.0.1' : listenHost);
        relay = await TurnServer.start({ host: listenHost, port: options.relayPort ?? 0, relayAddress, credentials: { username: RELAY_USER, password }, onError });
        lines = defaultLines({ url: relay.url, username: RELAY_USER, password });
      }
      const config = await MediaConfigPublisher.start({ link, root, classes, lines: lines ?? defaultLines(null), sfuForGroups: sfu !== null });
      return new MediaServices(config, relay, sfu);
    } catch (error) {
      await relay?.stop();
      await sfu?.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.config.stop();
    await this.relay?.stop();
    await this.sfu?.stop();
  }
}

/** The SFU, or null (with the reason reported) when it cannot run here: group classes then stay peer-to-peer. */
async function startSfu(args: {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  listenIp: string;
  options: MediaOptions;
  onError?(error: unknown): void;
}): Promise<SfuService | null> {
  try {
    return await SfuService.start({
      link: args.link,
      root: args.root,
      claimsOf: args.claimsOf,
      listenIp: args.listenIp,
      announcedAddress: args.options.sfuAnnouncedAddress,
      workers: args.options.sfuWorkers,
      onError: args.onError,
    });
  } catch (error) {
    args.onError?.(new Error(`the SFU did not start, group classes stay peer-to-peer: ${(error as Error).message}`, { cause: error }));
    return null;
  }
}
