import { z } from 'zod';
import { Id } from './ids';

/**
 * Requests to the SFU service (`svc/sfu/req/{userId}`, answered on the requester's reply topic like every service).
 * mediasoup's own parameter objects (RTP capabilities and parameters, DTLS parameters) travel as opaque records:
 * the SFU validates them itself, and they fit the request and reply size limits.
 */
const opaque = z.record(z.string(), z.unknown());
/** mediasoup ids are UUIDs, which are protocol ids. */
const SfuId = Id;

export const SFU_METHODS = [
  'join', 'transport.create', 'transport.connect', 'transport.restartIce', 'produce', 'producer.close', 'producers', 'consume',
  'consumer.resume', 'leave',
] as const;
export type SfuMethod = (typeof SFU_METHODS)[number];

export const SfuParams = {
  /** → { routerRtpCapabilities } */
  join: z.object({ classId: Id }),
  /** → { id, iceParameters, iceCandidates, dtlsParameters } */
  'transport.create': z.object({ classId: Id, direction: z.enum(['send', 'recv']) }),
  /** → {} */
  'transport.connect': z.object({ classId: Id, transportId: SfuId, dtlsParameters: opaque }),
  /** → { iceParameters } */
  'transport.restartIce': z.object({ classId: Id, transportId: SfuId }),
  /** → { id }; teachers and students only: observers receive. */
  produce: z.object({
    classId: Id,
    transportId: SfuId,
    kind: z.enum(['audio', 'video']),
    rtpParameters: opaque,
    source: z.enum(['microphone', 'camera', 'screen']),
  }),
  /** → {} */
  'producer.close': z.object({ classId: Id, producerId: SfuId }),
  /** → { producers: SfuProducer[] }: everyone else's producers in the class. */
  producers: z.object({ classId: Id }),
  /** → { id, producerId, kind, rtpParameters }; the consumer starts paused until consumer.resume. */
  consume: z.object({ classId: Id, transportId: SfuId, producerId: SfuId, rtpCapabilities: opaque }),
  /** → {} */
  'consumer.resume': z.object({ classId: Id, consumerId: SfuId }),
  /** → {}: closes this user's transports in the class. */
  leave: z.object({ classId: Id }),
} as const satisfies Record<SfuMethod, z.ZodType>;

export const SfuProducer = z.object({ id: SfuId, userId: Id, kind: z.enum(['audio', 'video']), source: z.enum(['microphone', 'camera', 'screen']) });
export type SfuProducer = z.infer<typeof SfuProducer>;

export const SfuTransportInfo = z.object({ id: SfuId, iceParameters: opaque, iceCandidates: z.array(opaque), dtlsParameters: opaque });
export const SfuConsumerInfo = z.object({ id: SfuId, producerId: SfuId, kind: z.enum(['audio', 'video']), rtpParameters: opaque });
export const SfuJoined = z.object({ routerRtpCapabilities: opaque });
export const SfuProducerList = z.object({ producers: z.array(SfuProducer).max(1_000) });
