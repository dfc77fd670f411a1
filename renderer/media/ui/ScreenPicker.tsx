import { useEffect, useState } from 'react';
import type { DesktopApi, ScreenSource } from '../../../shared/ipc/contract';
import { useMediaTranslation } from '../strings';

/**
 * The desktop app's picker for screen sharing: main lists screens and windows (desktopCapturer), the person picks
 * one, and main hands exactly that source to the page's next getDisplayMedia().
 */
export function ScreenPicker({ desktop, onChosen, onCancel }: { desktop: DesktopApi; onChosen: () => void; onCancel: () => void }) {
  const { t } = useMediaTranslation();
  const [sources, setSources] = useState<ScreenSource[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    desktop.screen.sources().then(
      (listed) => !cancelled && setSources(listed),
      (error: Error) => !cancelled && setFailure(error.message),
    );
    return () => {
      cancelled = true;
    };
  }, [desktop]);

  const choose = async (id: string) => {
    if (await desktop.screen.choose(id)) onChosen();
    else setFailure(t('picker.none'));
  };

  const group = (kind: ScreenSource['kind']) => (sources ?? []).filter((s) => s.kind === kind);
  return (
    <div className="screen-picker" role="dialog" aria-label={t('picker.title')} data-testid="screen-picker">
      <h3>{t('picker.title')}</h3>
      {failure && <p className="banner error">{failure}</p>}
      {sources?.length === 0 && <p className="muted">{t('picker.none')}</p>}
      {(['screen', 'window'] as const).map((kind) =>
        group(kind).length > 0 ? (
          <section key={kind}>
            <h4>{kind === 'screen' ? t('picker.screens') : t('picker.windows')}</h4>
            <ul className="screen-sources">
              {group(kind).map((source) => (
                <li key={source.id}>
                  <button type="button" className="screen-source" data-testid="screen-source" onClick={() => void choose(source.id)}>
                    {source.thumbnail && <img src={source.thumbnail} alt="" />}
                    <span>{source.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      <button type="button" onClick={onCancel}>
        {t('picker.cancel')}
      </button>
    </div>
  );
}
