import { describe } from 'vitest';
import { aedesFixture } from '../testing/conformance/aedes-fixture';
import { conformanceSuite } from '../testing/conformance/suite';

describe('protocol conformance: Aedes (embedded backend)', () => {
  conformanceSuite(aedesFixture);
});
