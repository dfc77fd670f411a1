import { z } from 'zod';
import { Id } from '../ids';
import { RecordingState } from '../recording';
import { method } from './contract';

/** The `recorder` service: it writes a class's sync log to disk while its teacher records it. */
export const RECORDER = {
  start: method(z.object({ classId: Id }), RecordingState, "starts recording the class (its teacher only); a running recording is answered as it is"),
  stop: method(z.object({ classId: Id }), RecordingState, 'stops recording the class (its teacher only); what was written is kept'),
} as const;
