import { useEffect, useState } from 'react';
import type { ElementRecord } from '../../../shared/whiteboard/element';
import type { ClassChannel } from '../../link/channel';
import { useBreakoutsTranslation } from './strings';

/** How often a shown thumbnail asks the board service for the group's page again. */
export const THUMBNAIL_EVERY_MS = 3_000;

/** The area a page's elements cover, with a margin, so a thumbnail shows all of them. */
export function viewBox(elements: readonly ElementRecord[]): string {
  let [minX, minY, maxX, maxY] = [0, 0, 1280, 720];
  for (const { props: p } of elements) {
    const xs = [p.x, p.x + p.width];
    const ys = [p.y, p.y + p.height];
    for (let i = 0; i < p.points.length; i += 2) {
      xs.push(p.x + p.points[i]!);
      ys.push(p.y + p.points[i + 1]!);
    }
    minX = Math.min(minX, ...xs);
    minY = Math.min(minY, ...ys);
    maxX = Math.max(maxX, ...xs);
    maxY = Math.max(maxY, ...ys);
  }
  return `${minX - 10} ${minY - 10} ${maxX - minX + 20} ${maxY - minY + 20}`;
}

function Shape({ element }: { element: ElementRecord }) {
  const p = element.props;
  const common = { stroke: p.stroke, strokeWidth: p.strokeWidth, opacity: element.kind === 'highlighter' ? 0.4 : p.opacity, fill: p.fill || 'none' };
  const rotate = p.angle ? `rotate(${p.angle} ${p.x} ${p.y})` : undefined;
  switch (element.kind) {
    case 'rect':
      return <rect x={p.x} y={p.y} width={p.width} height={p.height} transform={rotate} {...common} />;
    case 'ellipse':
      return <ellipse cx={p.x + p.width / 2} cy={p.y + p.height / 2} rx={p.width / 2} ry={p.height / 2} transform={rotate} {...common} />;
    case 'text':
      // Text is rendered as text, never as markup.
      return (
        <text x={p.x} y={p.y + p.fontSize} fontSize={p.fontSize} fill={p.stroke} transform={rotate}>
          {p.text}
        </text>
      );
    case 'image':
      return <rect x={p.x} y={p.y} width={p.width} height={p.height} fill="#e5e7eb" stroke="#9ca3af" transform={rotate} />;
    default: {
      const points: string[] = [];
      for (let i = 0; i < p.points.length; i += 2) points.push(`${p.x + p.points[i]!},${p.y + p.points[i + 1]!}`);
      return <polyline points={points.join(' ')} {...common} fill="none" strokeLinecap="round" strokeLinejoin="round" transform={rotate} />;
    }
  }
}

/**
 * A group's board at a glance: its page as the board service holds it, drawn small, fetched again every few seconds
 * while it is shown (the class's teachers and supervisors may ask for any group's page).
 */
export function GroupThumbnail({ channel, classId, name }: { channel: ClassChannel; classId: string; name: string }) {
  const { t } = useBreakoutsTranslation();
  const [elements, setElements] = useState<ElementRecord[] | null>(null);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      channel.request('board', 'snapshot', { classId, pageId: 'p1' }).then(
        (snapshot) => !stopped && setElements(snapshot.elements.filter((e) => !e.deleted)),
        () => {},
      );
    void load();
    const timer = setInterval(() => void load(), THUMBNAIL_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [channel, classId]);
  const sorted = elements ? [...elements].sort((a, b) => (a.z === b.z ? a.id.localeCompare(b.id) : a.z < b.z ? -1 : 1)) : [];
  return (
    <figure className="breakout-thumb" data-testid="breakout-thumbnail" data-elements={elements?.length ?? 0}>
      <svg viewBox={viewBox(sorted)} role="img" aria-label={t('thumbnailOf', { name })} preserveAspectRatio="xMidYMid meet">
        <rect x="-1e6" y="-1e6" width="2e6" height="2e6" fill="#ffffff" />
        {sorted.map((e) => (
          <Shape key={e.id} element={e} />
        ))}
      </svg>
      {elements !== null && elements.length === 0 && <figcaption>{t('noBoard')}</figcaption>}
    </figure>
  );
}
