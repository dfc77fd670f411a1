import type { SupervisionMessage } from '../messages';

/**
 * Supervision traffic that can wait for the next calm batch (`BatchPacer`): everything but a class whose health is
 * critical and a help request, which a supervisor must see at once.
 */
export function canWait(message: SupervisionMessage): boolean {
  if (message.kind === 'helpState') return false;
  return message.kind !== 'classHealth' || message.message.severity !== 'critical';
}
