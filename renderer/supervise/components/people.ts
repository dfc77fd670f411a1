import type { TFunction } from 'i18next';
import { REMEDIES, TAG_IDS, type Remedy, type TagId } from '../../../shared/tags/catalogue';
import type { PersonRole } from '../../link/messages';
import type { Person } from '../state/people';

/** The id the dispatcher acts under (remedies it sends, its audit entries). */
export const DISPATCHER_ID = 'dispatcher';

/**
 * A person in words: "Grace V. (Student)", the automatic dispatcher as itself, and someone the console has not learnt
 * yet as their role ("a student") or, without one, "a participant". Never their id.
 */
export function personLabel(t: TFunction, id: string | undefined, person: Person | undefined, roleHint?: PersonRole | null): string {
  if (id === DISPATCHER_ID) return t('supervise.person.dispatcher');
  const role = person?.role ?? roleHint ?? null;
  if (person) return role ? t('supervise.person.label', { name: person.name, role: t(`role.${role}`) }) : person.name;
  return role ? t(`supervise.person.someone.${role}`) : t('supervise.person.someone.unknown');
}

const TAGS = new Set<string>(TAG_IDS);
const REMEDY_SET = new Set<string>(REMEDIES);
/** Words that look like ids: letters, digits and the separators ids use, not ending in one. */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]/g;

export interface WordBook {
  person(id: string): string | undefined;
  classTitle(id: string): string | undefined;
}

/**
 * A service's free text (a dispatcher's reason, an audit detail, a tagger's evidence) with the ids in it put in
 * words: tag ids as their titles, remedies as their names, people and classes the console knows by name and title.
 * Anything else is left as it was. The result is text, never markup.
 */
export function inWords(text: string, t: TFunction, book: WordBook): string {
  if (!text) return text;
  return text.replace(TOKEN, (token) => {
    if (TAGS.has(token)) return t(`supervise.tag.${token as TagId}`);
    if (REMEDY_SET.has(token)) return t(`supervise.remedy.${token as Remedy}`);
    return book.person(token) ?? book.classTitle(token) ?? token;
  });
}
