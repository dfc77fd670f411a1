import { useEffect, useRef } from 'react';

/**
 * A microphone level bar, drawn every frame straight into the DOM from `read` (0..1): levels change far too often
 * to go through React state. `data-level` carries the value for tests and assistive tools.
 */
export function LevelMeter({ read, label }: { read: () => number; label: string }) {
  const meter = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let frame = 0;
    const draw = () => {
      const level = Math.max(0, Math.min(1, read()));
      if (bar.current) bar.current.style.transform = `scaleX(${level.toFixed(3)})`;
      if (meter.current) {
        meter.current.dataset.level = level.toFixed(2);
        meter.current.setAttribute('aria-valuenow', String(Math.round(level * 100)));
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [read]);
  return (
    <div ref={meter} className="level-meter" data-testid="level-meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100}>
      <div ref={bar} className="level-bar" />
    </div>
  );
}
