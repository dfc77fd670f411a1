export type FilterMode = 'replace' | 'reject';

export interface ModerationOptions {
  /** Words refused in chat, matched case-insensitively anywhere in the text. */
  words: string[];
  mode: FilterMode;
}

/** A small, neutral default: placeholders that deployments replace with their own list. */
export const DEFAULT_MODERATION: ModerationOptions = { words: ['badword', 'forbidden-word'], mode: 'replace' };

export type Verdict = { status: 'clean'; text: string } | { status: 'replaced'; text: string } | { status: 'rejected'; text: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Finds sensitive words in plain text and masks or refuses them. Matching is case-insensitive and ignores word
 * boundaries, so "BadWords" is caught as well; each matched character becomes one asterisk. The text is never
 * interpreted as markup.
 */
export class WordFilter {
  private readonly pattern: RegExp | null;

  constructor(private readonly options: ModerationOptions) {
    const words = [...new Set(options.words.map((w) => w.trim()).filter((w) => w.length > 0))];
    // Longest first, so a word that contains another is masked whole.
    words.sort((a, b) => b.length - a.length);
    this.pattern = words.length > 0 ? new RegExp(words.map(escapeRegExp).join('|'), 'giu') : null;
  }

  check(text: string): Verdict {
    if (!this.pattern || !this.pattern.test(text)) return { status: 'clean', text };
    this.pattern.lastIndex = 0;
    if (this.options.mode === 'reject') return { status: 'rejected', text };
    return { status: 'replaced', text: text.replace(this.pattern, (match) => '*'.repeat([...match].length)) };
  }
}
