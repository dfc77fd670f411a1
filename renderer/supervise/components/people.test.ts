import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import { inWords, personLabel } from './people';

beforeAll(() => {
  initI18n('en');
});

const t = i18next.t.bind(i18next);
const book = {
  person: (id: string) => (id === 's-0003-1' ? 'Grace V. (Student)' : undefined),
  classTitle: (id: string) => (id === 'class-0003' ? 'Physics · Grade 2' : undefined),
};

describe('people and ids in words', () => {
  it('name a person with their role, the dispatcher as automatic help, and someone unknown by role, never by id', () => {
    expect(personLabel(t, 's-1', { name: 'Grace V.', role: 'student' })).toBe('Grace V. (Student)');
    expect(personLabel(t, 's-1', { name: 'Grace V.', role: null })).toBe('Grace V.');
    expect(personLabel(t, 'dispatcher', undefined)).toBe('Automatic help');
    expect(personLabel(t, 't-9', undefined, 'teacher')).toBe('the teacher');
    expect(personLabel(t, 's-9', undefined)).toBe('a participant');
  });

  it('put the tags, remedies, people and classes a service names in its text in words, and leave the rest', () => {
    const reason = 'switch-line no acknowledgement from s-0003-1: no answer within 10 s; still tagged: stream.cant-hear (s-0003-1) in class-0003.';
    expect(inWords(reason, t, book)).toBe(
      "Switch network line no acknowledgement from Grace V. (Student): no answer within 10 s; still tagged: Can't hear (Grace V. (Student)) in Physics · Grade 2.",
    );
    expect(inWords('entry.init-failed.media after 3.5 s, s-0009-2 unknown', t, book)).toBe('Media init failed after 3.5 s, s-0009-2 unknown');
    expect(inWords('<b>x</b>', t, book)).toBe('<b>x</b>');
  });
});
