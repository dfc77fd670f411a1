import { describe } from 'vitest';
import { findMosquitto, mosquittoFixture } from '../testing/conformance/mosquitto-fixture';
import { conformanceSuite } from '../testing/conformance/suite';

const binaries = findMosquitto();
if ('missing' in binaries) {
  console.warn(`Skipping the Mosquitto half of the protocol conformance suite: ${binaries.missing}.`);
}

describe.skipIf('missing' in binaries)('protocol conformance: Mosquitto', () => {
  if (!('missing' in binaries)) conformanceSuite(() => mosquittoFixture(binaries));
});
