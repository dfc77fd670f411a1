import { z } from 'zod';
import { ClassSummary, MAX_SUMMARIES_PER_MESSAGE } from '../messages';
import { Id } from '../ids';
import { method } from './contract';

/**
 * One page of the class list. `epoch` and `seq` say which directory run and which change message the page is at:
 * a console applies the changes (`directoryChanges`) after the first page's `seq` once it has every page.
 */
export const DirectoryPage = z.object({
  epoch: Id,
  seq: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  summaries: z.array(ClassSummary).max(MAX_SUMMARIES_PER_MESSAGE),
  /** Where the next page starts; null on the last page. */
  next: z.number().int().positive().nullable(),
});
export type DirectoryPage = z.infer<typeof DirectoryPage>;

/** The `directory` service publishes class summaries and answers the class list page by page. */
export const DIRECTORY = {
  echo: method(z.unknown(), z.unknown(), 'answers its params unchanged: a round trip through the broker and the service'),
  list: method(
    z.object({ from: z.number().int().nonnegative().default(0) }),
    DirectoryPage,
    "the summaries of the classes in the caller's scope, a page at a time (one message for the whole list instead of one retained message per class)",
  ),
} as const;
