import type { ClassChannel } from '../link/channel';
import type { BoardHost, BoardInbox, BoardParticipant, BoardTransport } from './contract';

/** What the board reads from its class's channel; retained kinds (course, room, snapshots) come first in each batch. */
const BOARD_KINDS = ['course', 'room', 'boardSnapshot', 'boardOps', 'boardLive', 'laser'] as const;

/** The board session's transport on the open class's channel. Observers send no live strokes, laser or sync. */
export function channelTransport(channel: ClassChannel, host: BoardHost, participant: BoardParticipant): BoardTransport {
  return {
    sendOps: (message) => channel.publish({ kind: 'boardOps', message }),
    sendLive: (message) => {
      if (!participant.observer) channel.fire({ kind: 'boardLive', message });
    },
    sendLaser: (message) => {
      if (!participant.observer) channel.fire({ kind: 'laser', message });
    },
    sendSync: (message) => {
      host.syncSent(message);
      if (!participant.observer) channel.publish({ kind: 'boardSync', message });
    },
    sendTelemetry: (events) => host.sendTelemetry(events),
    requestSnapshot: async (pageId) => {
      // Parsed by the board service's contract in the link worker: not checked again here.
      const snapshot = await channel.request('board', 'snapshot', { classId: channel.classId, pageId });
      host.snapshotLoaded();
      return snapshot;
    },
  };
}

/**
 * Feeds the board session from the channel: its kinds in arrival order (the channel replays the class's retained
 * state and what arrived while the board was loading), the outbox ids the broker acknowledged or refused, and a
 * reconnect (the board looks for gaps). Returns the stop function.
 */
export function feedBoard(board: BoardInbox, channel: ClassChannel): () => void {
  let wasConnected: boolean | null = null;
  const stops = [
    channel.listen(BOARD_KINDS, (messages) => {
      for (const message of messages) {
        if (message.kind === 'course') board.setCourse(message.message);
        else if (message.kind === 'room') board.setRoom(message.message);
        else board.receive(message);
      }
    }),
    channel.onSettled(({ acknowledged, rejected }) => {
      const ids = rejected.length > 0 ? [...acknowledged, ...rejected.map((r) => r.id)] : acknowledged;
      if (ids.length > 0) board.acknowledged(ids);
    }),
    channel.onConnected((connected) => {
      if (connected && wasConnected === false) board.reconnected();
      wasConnected = connected;
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
