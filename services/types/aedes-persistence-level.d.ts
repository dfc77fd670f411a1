/** aedes-persistence-level ships no typings: it wraps a level database as an Aedes persistence. */
declare module 'aedes-persistence-level' {
  import type { AedesPersistence } from 'aedes-persistence';

  export default function levelPersistence(db: unknown): AedesPersistence;
}
