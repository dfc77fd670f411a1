import type { ReactNode } from 'react';
import { toggleFold, useFolded, type Panel } from './folds';
import { useLayoutTranslation } from './strings';

/** Which way a column folds: towards the left edge (the pages column) or the right one (the side column). */
type Edge = 'left' | 'right';

/**
 * The fold toggle of a panel: named by the panel, with aria-expanded saying whether it is open. A folded column
 * shows its name down the strip left in its place; an open one shows an arrow towards its edge.
 */
export function FoldButton({ panel, edge, titled = false }: { panel: Panel; edge?: Edge; titled?: boolean }) {
  const { t } = useLayoutTranslation();
  const folded = useFolded(panel);
  const title = t(`panel.${panel}`);
  const arrow = edge === undefined ? (folded ? '▸' : '▾') : (edge === 'left') === folded ? '»' : '«';
  return (
    <button
      type="button"
      className={`fold-toggle${edge ? ` fold-${edge}` : ''}`}
      data-testid={`fold-${panel}`}
      aria-expanded={!folded}
      aria-label={title}
      title={t(folded ? 'unfold' : 'fold', { panel: title })}
      onClick={() => toggleFold(panel)}
    >
      <span aria-hidden="true">{arrow}</span>
      {(folded || titled) && <span className="fold-name">{title}</span>}
    </button>
  );
}

/**
 * A section of the side column (video, roster, chat) that folds to its name. What it holds stays mounted while
 * folded: a call's audio keeps playing, a half-typed message stays. A `titled` section shows its name above it
 * (one that has no heading of its own); the others put the toggle beside their own heading.
 */
export function FoldSection({ panel, titled = false, children }: { panel: Panel; titled?: boolean; children: ReactNode }) {
  const folded = useFolded(panel);
  return (
    <div className={`fold-section fold-section-${panel}${titled ? ' titled' : ''}`} data-folded={folded} data-testid={`section-${panel}`}>
      <FoldButton panel={panel} titled={titled} />
      <div className="fold-body" hidden={folded}>
        {children}
      </div>
    </div>
  );
}
