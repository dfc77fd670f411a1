import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { inWords } from '../supervise/components/people';
import { reportFileStem, reportWordBook } from './format';

beforeAll(() => {
  initI18n('en');
});

const t = i18next.t.bind(i18next);

describe('a report in words', () => {
  it('names the people and the class a help reason mentions by id, from the report itself', () => {
    const book = reportWordBook({ classId: 'class-0003', title: 'Physics · Grade 2', people: [{ userId: 's-0003-1', name: 'Grace V.' }] as never });
    expect(inWords('trying switch-line to s-0003-1 for stream.cant-hear (s-0003-1) in class-0003', t, book)).toBe(
      "trying Switch network line to Grace V. for Can't hear (Grace V.) in Physics · Grade 2",
    );
    // Someone the report does not list stays as the service wrote them.
    expect(inWords('escalated by sup-7', t, book)).toBe('escalated by sup-7');
  });

  it('names its CSV after the class, safe for any file system', () => {
    expect(reportFileStem('class-0003', 'Physics / Grade 2')).toMatch(/^report-[^/\\]*class-0003$/);
  });
});
