/**
 * The part of mediasoup's API the SFU service uses, typed here because mediasoup is an optional install: the
 * project type-checks and runs without it, and loads it at run time when it is there.
 */
export type Kind = 'audio' | 'video';
type Params = Record<string, unknown>;

export interface MsProducer {
  id: string;
  kind: Kind;
  appData: Params;
  close(): void;
}

export interface MsConsumer {
  id: string;
  producerId: string;
  kind: Kind;
  rtpParameters: Params;
  resume(): Promise<void>;
  close(): void;
  on(event: 'producerclose' | 'transportclose', listener: () => void): void;
}

export interface MsWebRtcTransport {
  id: string;
  iceParameters: Params;
  iceCandidates: Params[];
  dtlsParameters: Params;
  closed: boolean;
  connect(options: { dtlsParameters: Params }): Promise<void>;
  restartIce(): Promise<Params>;
  produce(options: { kind: Kind; rtpParameters: Params; appData?: Params }): Promise<MsProducer>;
  consume(options: { producerId: string; rtpCapabilities: Params; paused?: boolean }): Promise<MsConsumer>;
  close(): void;
  on(event: 'dtlsstatechange', listener: (state: string) => void): void;
}

export interface MsRouter {
  id: string;
  rtpCapabilities: Params;
  closed: boolean;
  canConsume(options: { producerId: string; rtpCapabilities: Params }): boolean;
  createWebRtcTransport(options: Params): Promise<MsWebRtcTransport>;
  close(): void;
}

export interface MsWorker {
  pid: number;
  closed: boolean;
  createRouter(options: { mediaCodecs: Params[] }): Promise<MsRouter>;
  close(): void;
  on(event: 'died', listener: (error: Error) => void): void;
}

export interface Mediasoup {
  version: string;
  createWorker(options: Params): Promise<MsWorker>;
}

/** Why mediasoup could not be loaded, for logs and for the tests that skip. */
export class MediasoupUnavailable extends Error {
  override readonly name = 'MediasoupUnavailable';
}

/** Loads mediasoup if it is installed, with its worker binary; otherwise says why not and how to get it. */
export async function loadMediasoup(): Promise<Mediasoup> {
  // A variable specifier keeps TypeScript and bundlers from resolving the optional module at build time.
  const name = 'mediasoup';
  let module: { default?: Mediasoup } & Partial<Mediasoup>;
  try {
    module = (await import(name)) as typeof module;
  } catch (error) {
    throw new MediasoupUnavailable(
      `mediasoup is not installed (${(error as Error).message.split('\n')[0]}); install it with \`npm install mediasoup@3\` where its worker can be built or downloaded (see docs/operations.md, "SFU")`,
      { cause: error },
    );
  }
  const api = (module.createWorker ? module : module.default) as Mediasoup | undefined;
  if (!api?.createWorker) throw new MediasoupUnavailable('the mediasoup module has no createWorker');
  return api;
}
