import { describe } from 'vitest';
import { aedesFixture } from './aedes-fixture';
import { conformanceSuite } from './suite';

describe('protocol conformance: Aedes (embedded backend)', () => {
  conformanceSuite(aedesFixture);
});
