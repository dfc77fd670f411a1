import { useTranslation } from 'react-i18next';
import type { TelemetryEvent } from '../../../shared/protocol';
import { describeEvent } from './telemetryText';

/** One telemetry event in words. */
export function EventLine({ event }: { event: TelemetryEvent }) {
  const { t } = useTranslation();
  const { key, values } = describeEvent(event);
  const shown = 'enabled' in values ? { ...values, enabled: t(`supervise.telemetry.switch.${values.enabled}`) } : values;
  return <span data-testid="event-line">{t(`supervise.telemetry.${key}`, shown)}</span>;
}
