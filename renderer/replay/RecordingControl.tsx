import { useEffect, useState } from 'react';
import type { RecordingState } from '../../shared/protocol/recording';
import type { ClassChannel } from '../link/channel';
import { replayText } from './strings';
import './replay.css';

/**
 * The class's recording, as everyone in it sees it: "Recording" while the recorder writes the class. The teacher
 * starts and stops it here; a recording that stopped by itself (size bound, full disk) says why.
 */
export function RecordingControl({ channel, canRecord }: { channel: ClassChannel; canRecord: boolean }) {
  const [state, setState] = useState<RecordingState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => channel.listen(['recording'], (messages) => setState(messages.at(-1)?.message ?? null)), [channel]);

  const recording = state?.state === 'recording';
  const change = (method: 'start' | 'stop') => {
    setBusy(true);
    setError(null);
    channel.request('recorder', method, { classId: channel.classId }).then(
      (next) => setState(next),
      (failure: Error) => setError(failure.message),
    ).finally(() => setBusy(false));
  };
  const stoppedWhy = state?.state === 'stopped' && state.reason && state.reason !== 'teacher' && state.reason !== 'class-ended' ? state.reason : null;
  return (
    <span className="recording-control" data-testid="recording-control" data-state={state?.state ?? 'none'}>
      {recording && (
        <span className="recording-badge" role="status" data-testid="recording-badge">
          {replayText('recording')}
        </span>
      )}
      {canRecord && (
        <button type="button" className="small" data-testid="recording-toggle" disabled={busy} onClick={() => change(recording ? 'stop' : 'start')}>
          {recording ? replayText('stopRecording') : replayText('record')}
        </button>
      )}
      {stoppedWhy && canRecord && (
        <span className="recording-stopped" role="alert" data-testid="recording-stopped">
          {replayText(`stopped.${stoppedWhy}`)}
        </span>
      )}
      {error && (
        <span className="recording-stopped" role="alert" data-testid="recording-error">
          {replayText('recordFailed', { error })}
        </span>
      )}
    </span>
  );
}
