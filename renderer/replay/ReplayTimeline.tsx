import { useMemo } from 'react';
import { clockTime, replayText } from './strings';
import { groupMarkers, type Timeline } from './timeline';

/** The slider moves in these steps; its end is a whole number of them, so it reaches the last entry (the player clamps). */
const SLIDER_STEP_MS = 100;

interface ReplayTimelineProps {
  timeline: Timeline;
  at: number;
  onSeek(at: number): void;
}

/** The recording's length as a slider, with its markers (page turns, hands, chat, polls), gaps and break drawn over it. */
export function ReplayTimeline({ timeline, at, onSeek }: ReplayTimelineProps) {
  const length = Math.max(1, timeline.durationMs);
  const left = (ms: number) => `${(ms / length) * 100}%`;
  const markers = useMemo(() => groupMarkers(timeline.markers, timeline.durationMs), [timeline]);
  return (
    <div className="replay-timeline">
      <div className="replay-track" aria-hidden="true">
        {timeline.gaps.map((gap) => (
          <span
            key={`${gap.kind}-${gap.from}`}
            className={`replay-gap replay-gap-${gap.kind}`}
            data-testid="replay-gap"
            title={replayText(gap.kind === 'recorder-away' ? 'gapAway' : 'gapPaused', { from: clockTime(gap.from), to: clockTime(gap.to) })}
            style={{ left: left(gap.from), width: `max(4px, ${((gap.to - gap.from) / length) * 100}%)` }}
          />
        ))}
        {timeline.breaksAt && <span className="replay-break" data-testid="replay-break-mark" style={{ left: left(timeline.breaksAt.at) }} />}
      </div>
      <input
        type="range"
        className="replay-slider"
        data-testid="replay-slider"
        aria-label={replayText('timeline')}
        min={0}
        max={Math.ceil(length / SLIDER_STEP_MS) * SLIDER_STEP_MS}
        step={SLIDER_STEP_MS}
        value={Math.min(at, length)}
        onChange={(event) => onSeek(Number(event.target.value))}
      />
      <div className="replay-markers">
        {markers.map((marker, i) => {
          const first = replayText(`marker.${marker.kind}`, { label: marker.label });
          const label = marker.count > 1 ? replayText('markerGroup', { first, more: marker.count - 1, until: clockTime(marker.until) }) : first;
          return (
            <button
              key={`${marker.kind}-${marker.at}-${i}`}
              type="button"
              className={`replay-marker replay-marker-${marker.kind}${marker.count > 1 ? ' replay-marker-grouped' : ''}`}
              data-testid="replay-marker"
              data-kind={marker.kind}
              data-count={marker.count}
              data-at={marker.at}
              title={`${clockTime(marker.at)} ${label}`}
              aria-label={`${clockTime(marker.at)} ${label}`}
              style={{ left: left(marker.at) }}
              onClick={() => onSeek(marker.at)}
            />
          );
        })}
      </div>
    </div>
  );
}
