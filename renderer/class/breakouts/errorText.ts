import type { TFunction } from 'i18next';
import { BREAKOUT_REFUSALS } from '../../../shared/protocol';
import type { BreakoutError } from './breakoutStore';

const KNOWN: readonly string[] = [...BREAKOUT_REFUSALS, 'timeout', 'disconnected'];

/** What a refused or failed breakout action means, in the reader's language. */
export function breakoutErrorText(t: TFunction<'breakouts'>, error: BreakoutError): string {
  if (!KNOWN.includes(error.code)) return t('errors.other', { code: error.code });
  return t(`errors.${error.code as 'forbidden'}`);
}
