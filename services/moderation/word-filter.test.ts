import { describe, expect, it } from 'vitest';
import { WordFilter } from './word-filter';

describe('WordFilter', () => {
  it('leaves clean text alone, markup included, as plain text', () => {
    const filter = new WordFilter({ words: ['badword'], mode: 'replace' });
    expect(filter.check('<b>hello</b> & <script>x()</script>')).toEqual({ status: 'clean', text: '<b>hello</b> & <script>x()</script>' });
  });

  it('masks every occurrence, whatever its case, with one asterisk per character', () => {
    const filter = new WordFilter({ words: ['badword'], mode: 'replace' });
    expect(filter.check('a BadWord and badwords')).toEqual({ status: 'replaced', text: 'a ******* and *******s' });
  });

  it('masks the longer of two overlapping words whole', () => {
    const filter = new WordFilter({ words: ['bad', 'badword'], mode: 'replace' });
    expect(filter.check('badword bad')).toEqual({ status: 'replaced', text: '******* ***' });
  });

  it('treats the words literally, not as patterns', () => {
    const filter = new WordFilter({ words: ['a.b', '(x'], mode: 'replace' });
    expect(filter.check('aXb (x')).toEqual({ status: 'replaced', text: 'aXb **' });
  });

  it('refuses the whole message in reject mode, and checks repeatedly with the same answer', () => {
    const filter = new WordFilter({ words: ['badword'], mode: 'reject' });
    expect(filter.check('badword').status).toBe('rejected');
    expect(filter.check('badword').status).toBe('rejected');
    expect(filter.check('fine').status).toBe('clean');
  });

  it('with an empty list, passes everything', () => {
    expect(new WordFilter({ words: ['', '  '], mode: 'reject' }).check('anything').status).toBe('clean');
  });
});
