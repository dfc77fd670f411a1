import type { z } from 'zod';
import {
  BoardLive, BoardOps, BoardSnapshot, BoardSync, ChatHistory, ChatMessage, ClassControl, ClassSummary, Command,
  CommandAck, Course, DirectoryChanges, Hand, Laser, Notice, Ping, Presence, Room, RpcRequest, RpcResponse, Telemetry,
} from './messages';
import { ClassHealth, ClassTags, HelpRequest, HelpState, SupervisorMetrics, Whisper } from './supervision';
import { ClassConfig, MediaState, RtcSignal } from './media';
import { RecordingState } from './recording';
import { PollReceipt, PollState, PollTally } from './polls';
import { BreakoutState } from './breakouts';
import { ReleaseAdoption, ReleaseHealth, ReleaseState } from './releases';
import type { TopicKind } from './topics';

export type QoS = 0 | 1;

export interface KindSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  qos: QoS;
  retain: boolean;
  /** Largest accepted payload in bytes; anything larger is dropped before it is parsed. */
  maxBytes: number;
}

function spec<S extends z.ZodType>(schema: S, qos: QoS, retain: boolean, maxBytes: number): KindSpec<S> {
  return { schema, qos, retain, maxBytes };
}

/** QoS, retain and size limit of every message kind: the table in docs/protocol.md. */
export const KINDS = {
  classSummary: spec(ClassSummary, 1, true, 4 * 1024),
  directoryChanges: spec(DirectoryChanges, 1, false, 1024 * 1024),
  presence: spec(Presence, 1, true, 2 * 1024),
  classControl: spec(ClassControl, 1, false, 1024),
  serviceRequest: spec(RpcRequest, 1, false, 64 * 1024),
  reply: spec(RpcResponse, 1, false, 1024 * 1024),
  ping: spec(Ping, 0, false, 256),
  notice: spec(Notice, 1, false, 2 * 1024),
  boardOps: spec(BoardOps, 1, false, 256 * 1024),
  boardLive: spec(BoardLive, 0, false, 64 * 1024),
  laser: spec(Laser, 0, false, 256),
  boardSnapshot: spec(BoardSnapshot, 1, true, 8 * 1024 * 1024),
  course: spec(Course, 1, true, 128 * 1024),
  room: spec(Room, 1, true, 64 * 1024),
  chat: spec(ChatMessage, 1, false, 4 * 1024),
  chatHistory: spec(ChatHistory, 1, true, 256 * 1024),
  command: spec(Command, 1, false, 4 * 1024),
  commandAck: spec(CommandAck, 1, false, 2 * 1024),
  hand: spec(Hand, 1, true, 256),
  boardSync: spec(BoardSync, 1, true, 512),
  telemetry: spec(Telemetry, 0, false, 16 * 1024),
  help: spec(HelpRequest, 1, false, 96 * 1024),
  whisper: spec(Whisper, 1, false, 2 * 1024),
  classConfig: spec(ClassConfig, 1, true, 8 * 1024),
  rtc: spec(RtcSignal, 1, false, 64 * 1024),
  mediaState: spec(MediaState, 1, true, 512),
  recording: spec(RecordingState, 1, true, 1024),
  poll: spec(PollState, 1, true, 64 * 1024),
  pollTally: spec(PollTally, 1, true, 256 * 1024),
  pollReceipt: spec(PollReceipt, 1, true, 16 * 1024),
  breakouts: spec(BreakoutState, 1, true, 64 * 1024),
  classTags: spec(ClassTags, 1, true, 64 * 1024),
  classHealth: spec(ClassHealth, 1, true, 8 * 1024),
  helpState: spec(HelpState, 1, true, 128 * 1024),
  supervisorMetrics: spec(SupervisorMetrics, 1, true, 1024),
  releaseState: spec(ReleaseState, 1, true, 2 * 1024 * 1024),
  releaseAdoption: spec(ReleaseAdoption, 1, true, 1024 * 1024),
  releaseHealth: spec(ReleaseHealth, 1, true, 256 * 1024),
} as const satisfies Record<TopicKind, KindSpec>;

export type MessageOf<K extends TopicKind> = z.infer<(typeof KINDS)[K]['schema']>;

/** The largest payload of any kind; brokers are configured to refuse anything larger. */
export const MAX_PAYLOAD_BYTES = Math.max(...Object.values(KINDS).map((k) => k.maxBytes));
