import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChatMessage, Hand } from '../../shared/protocol';
import type { PollState, PollTally } from '../../shared/protocol/polls';
import type { RecordingDocument } from '../../shared/protocol/recording';
import type * as BoardMount from '../board/mount';
import { fetchClassAsset } from '../class/classAssets';
import { useSession } from '../session/SessionContext';
import { backToClasses, replayLink } from '../state/route';
import { loadRecording } from './loadRecording';
import { REPLAY_SPEEDS, ReplayPlayer } from './ReplayPlayer';
import { resetReplay, setReplayPlaying, setReplayPosition, setReplaySpeed, useReplay } from './replayStore';
import { ReplayTimeline } from './ReplayTimeline';
import { clockTime, replayText } from './strings';
import { buildTimeline, messagesUpTo, type Timeline } from './timeline';
import './replay.css';

interface ReplayScreenProps {
  classId: string;
  /** Where to start, in ms from the recording's start (`t=` of a link). */
  startAt: number;
}

declare global {
  interface Window {
    /** For tests and the replay bench: the player's seek and position. */
    __replay?: { seek(at: number): void; at(): number; durationMs: number };
  }
}

type Loaded = { status: 'loading' } | { status: 'failed'; error: string } | { status: 'ready'; document: RecordingDocument };

/** A recorded class, replayed into the real board: the timeline, play and pause, speed, seek, and links to moments. */
export function ReplayScreen({ classId, startAt }: ReplayScreenProps) {
  const session = useSession();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    loadRecording(session.endpoints, classId).then(
      (document) => current && setLoaded({ status: 'ready', document }),
      (error: Error) => current && setLoaded({ status: 'failed', error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [session, classId]);

  return (
    <div className="replay-screen" data-testid="replay-screen" data-class-id={classId}>
      <div className="class-bar replay-bar">
        <button type="button" className="small" data-testid="replay-back" onClick={backToClasses}>
          {replayText('back')}
        </button>
        <h2 className="replay-title">{replayText('title', { classId })}</h2>
      </div>
      {loaded.status === 'loading' && <p className="replay-note" data-testid="replay-loading">{replayText('loading')}</p>}
      {loaded.status === 'failed' && (
        <p className="replay-note replay-error" role="alert" data-testid="replay-error">
          {replayText('loadFailed', { error: loaded.error })}
        </p>
      )}
      {loaded.status === 'ready' && <ReplayView classId={classId} document={loaded.document} startAt={startAt} />}
    </div>
  );
}

function ReplayView({ classId, document, startAt }: { classId: string; document: RecordingDocument; startAt: number }) {
  const session = useSession();
  const timeline = useMemo(() => buildTimeline(document.entries, document.broken), [document]);
  const boardRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<ReplayPlayer | null>(null);
  const at = useReplay((s) => s.at);
  const playing = useReplay((s) => s.playing);
  const speed = useReplay((s) => s.speed);
  const [copied, setCopied] = useState(false);
  const [boardModule, setBoardModule] = useState<typeof BoardMount | null>(null);

  useEffect(() => {
    let current = true;
    void import('../board/mount').then((module) => current && setBoardModule(module));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    const container = boardRef.current;
    if (!container || !boardModule) return;
    resetReplay(startAt);
    const teacherId = document.entries.find((e) => e.k === '$start')?.by ?? '';
    const player = new ReplayPlayer({
      timeline,
      classId,
      onPosition: setReplayPosition,
      onPlaying: setReplayPlaying,
      mount: (channel) =>
        boardModule.mountBoard(container, {
          channel,
          teacherId,
          viewOnly: true,
          participant: { userId: channel.userId, role: 'student', observer: true },
          host: {
            sendTelemetry: () => {},
            syncSent: () => {},
            snapshotLoaded: () => {},
            fetchAsset: (assetId, onProgress) => fetchClassAsset(session.endpoints, classId, assetId, onProgress),
          },
        }),
    });
    playerRef.current = player;
    player.seek(startAt);
    window.__replay = { seek: (ms) => player.seek(ms), at: () => player.at, durationMs: timeline.durationMs };
    return () => {
      player.dispose();
      playerRef.current = null;
      delete window.__replay;
    };
  }, [boardModule, timeline, classId, document, startAt, session]);

  if (timeline.messages.length === 0) return <p className="replay-note" data-testid="replay-empty">{replayText('empty')}</p>;
  // Read when a control is used, not when rendering: the player is made after the first renders, and making it changes
  // no state (the position it starts at is the one the store already holds), so no render follows it.
  const seek = (ms: number) => playerRef.current?.seek(ms);
  const copyLink = () => {
    void navigator.clipboard?.writeText(replayLink(location.href, classId, at)).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <>
      {timeline.breaksAt && (
        <p className="replay-note replay-error" role="alert" data-testid="replay-broken">
          {replayText('broken', { time: clockTime(timeline.breaksAt.at), entries: timeline.breaksAt.detail.entries, reason: timeline.breaksAt.detail.reason })}
        </p>
      )}
      <div className="replay-body">
        <div className="replay-board" ref={boardRef} data-testid="replay-board" />
        <ReplaySide timeline={timeline} at={at} />
      </div>
      <div className="replay-controls">
        <button type="button" className="small" data-testid="replay-play" onClick={() => (playing ? playerRef.current?.pause() : playerRef.current?.play())}>
          {playing ? replayText('pause') : replayText('play')}
        </button>
        <label className="replay-speed">
          {replayText('speed')}
          <select
            data-testid="replay-speed"
            value={speed}
            onChange={(event) => {
              const value = Number(event.target.value);
              playerRef.current?.setSpeed(value);
              setReplaySpeed(value);
            }}
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>{`${s}×`}</option>
            ))}
          </select>
        </label>
        <span className="replay-clock" data-testid="replay-clock">
          {clockTime(at)} / {clockTime(timeline.durationMs)}
        </span>
        <ReplayTimeline timeline={timeline} at={at} onSeek={seek} />
        <button type="button" className="small" data-testid="replay-copy-link" onClick={copyLink}>
          {copied ? replayText('copied') : replayText('copyLink')}
        </button>
      </div>
    </>
  );
}

/** Chat up to the replay's position (the last 50 lines, newest first), the hands up then and the polls so far, as plain text. */
function ReplaySide({ timeline, at }: { timeline: Timeline; at: number }) {
  const count = messagesUpTo(timeline, at);
  const { chat, hands, polls } = useMemo(() => {
    const lines: ChatMessage[] = [];
    const raised = new Map<string, boolean>();
    const pollStates = new Map<string, { poll: PollState; answered: number | null }>();
    for (let i = 0; i < count; i++) {
      const m = timeline.messages[i]!;
      if (m.kind === 'chat') lines.push(m.message as ChatMessage);
      else if (m.kind === 'hand') raised.set(m.params.userId ?? '', (m.message as Hand).raised);
      else if (m.kind === 'poll') {
        const poll = m.message as PollState;
        const before = pollStates.get(poll.id)?.answered ?? null;
        pollStates.set(poll.id, { poll, answered: poll.shown?.respondents ?? before });
      } else if (m.kind === 'pollTally') {
        const tally = m.message as PollTally;
        const entry = pollStates.get(tally.pollId);
        if (entry) entry.answered = tally.results.respondents;
      }
    }
    // Newest first: the line just said is the one in view.
    return { chat: lines.slice(-50).reverse(), hands: [...raised.values()].filter(Boolean).length, polls: [...pollStates.values()] };
  }, [timeline, count]);
  return (
    <aside className="replay-side">
      <p data-testid="replay-hands">{replayText('hands', { count: hands })}</p>
      {polls.length > 0 && (
        <>
          <h3>{replayText('polls')}</h3>
          <ul className="replay-chat" data-testid="replay-polls">
            {polls.map(({ poll, answered }) => (
              <li key={poll.id} data-testid="replay-poll" data-poll-id={poll.id} data-state={poll.state}>
                {answered === null
                  ? replayText(poll.state === 'open' ? 'poll.openBare' : 'poll.closedBare', { title: poll.title })
                  : replayText(poll.state === 'open' ? 'poll.open' : 'poll.closed', { title: poll.title, count: answered })}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{replayText('chat')}</h3>
      <ul className="replay-chat" data-testid="replay-chat">
        {chat.map((line) => (
          <li key={line.id}>
            <strong>{line.from.name}</strong> {line.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}
