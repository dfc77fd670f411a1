import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRole } from '../../link/messages';
import { useClasses } from '../../state/classes';
import { usePeople, usePerson } from '../state/people';
import { useHealth } from '../state/stores';
import { inWords, personLabel, type WordBook } from './people';

/** A person by name and role ("Grace V. (Student)"); their id is only in the markup, for tests and support. */
export function PersonName({ id, roleHint, testId }: { id: string; roleHint?: PersonRole | null; testId?: string }) {
  const { t } = useTranslation();
  const person = usePerson(id);
  return (
    <span className="person" data-testid={testId} data-user-id={id}>
      {personLabel(t, id, person, roleHint)}
    </span>
  );
}

/** The words for a person, as text (for a sentence or an option). */
export function usePersonLabel(id: string | undefined, roleHint?: PersonRole | null): string {
  const { t } = useTranslation();
  const person = usePerson(id);
  return personLabel(t, id, person, roleHint);
}

/**
 * What `inWords` needs, for one screen: people as the console knows them now (re-rendering when someone new is
 * learnt), class titles as they are when the text is worded.
 */
export function useWordBook(): WordBook {
  const { t } = useTranslation();
  const people = usePeople((s) => s.byId);
  return useMemo(
    () => ({
      person: (id) => {
        const person = people.get(id);
        return person ? personLabel(t, id, person) : undefined;
      },
      classTitle: (id) => useHealth.getState().byId.get(id)?.title || useClasses.getState().byId.get(id)?.title,
    }),
    [people, t],
  );
}

/** A service's free text with its ids in words (see `inWords`). */
export function Worded({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const { t } = useTranslation();
  const book = useWordBook();
  return (
    <span className={className} data-testid={testId}>
      {inWords(text, t, book)}
    </span>
  );
}
