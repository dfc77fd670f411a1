import { useTranslation } from 'react-i18next';
import type { TelemetryEvent } from '../../../shared/protocol';
import { personLabel } from '../components/people';
import { usePerson } from '../state/people';
import { describeEvent } from './telemetryText';

/** One telemetry event in words; the peer a media stream comes from by name. */
export function EventLine({ event }: { event: TelemetryEvent }) {
  const { t } = useTranslation();
  const peerId = event.type === 'media' ? event.peer : undefined;
  const peer = usePerson(peerId);
  const { key, values } = describeEvent(event);
  const shown: Record<string, string | number> = { ...values };
  if ('enabled' in values) shown.enabled = t(`supervise.telemetry.switch.${values.enabled}`);
  if (peerId) shown.peer = personLabel(t, peerId, peer);
  return <span data-testid="event-line">{t(`supervise.telemetry.${key}`, shown)}</span>;
}
