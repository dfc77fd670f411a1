import { z } from 'zod';
import { method } from './contract';

/** The `directory` service publishes class summaries; its one method answers what it was sent, to probe the path. */
export const DIRECTORY = {
  echo: method(z.unknown(), z.unknown(), 'answers its params unchanged: a round trip through the broker and the service'),
} as const;
