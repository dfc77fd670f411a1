import { z } from 'zod';
import { SfuConsumerInfo, SfuJoined, SfuParams, SfuProducerList, SfuTransportInfo } from '../sfu';
import { method } from './contract';

const nothing = z.object({});
const opaque = z.record(z.string(), z.unknown());

/** The `sfu` service: mediasoup signalling for group classes (docs/protocol.md, "Media"). */
export const SFU = {
  join: method(SfuParams.join, SfuJoined, "joins the class's router; answers its RTP capabilities"),
  'transport.create': method(SfuParams['transport.create'], SfuTransportInfo, 'creates a send or receive transport'),
  'transport.connect': method(SfuParams['transport.connect'], nothing, 'connects a transport with its DTLS parameters'),
  'transport.restartIce': method(SfuParams['transport.restartIce'], z.object({ iceParameters: opaque }), "restarts a transport's ICE"),
  produce: method(SfuParams.produce, z.object({ id: z.string() }), 'sends a track; teachers and students only'),
  'producer.close': method(SfuParams['producer.close'], nothing, 'stops sending a track'),
  producers: method(SfuParams.producers, SfuProducerList, "everyone else's tracks in the class"),
  consume: method(SfuParams.consume, SfuConsumerInfo, 'receives a track, paused until consumer.resume'),
  'consumer.resume': method(SfuParams['consumer.resume'], nothing, 'starts a consumer'),
  leave: method(SfuParams.leave, nothing, "closes this user's transports in the class"),
} as const;
