import type { TFunction } from 'i18next';
import type { PollError } from './pollStore';

const KNOWN = ['poll-closed', 'no-such-poll', 'removed', 'not-a-student', 'bad-answer', 'bad-params', 'forbidden', 'timeout', 'disconnected'];

/** What a refused or failed poll action means, in the reader's language. */
export function errorText(t: TFunction<'polls'>, error: PollError): string {
  if (!KNOWN.includes(error.code)) return t('error.other', { code: error.code });
  return t(`error.${error.code as 'poll-closed'}`, { detail: error.detail });
}
