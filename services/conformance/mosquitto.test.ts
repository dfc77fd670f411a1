import { describe } from 'vitest';
import { mosquittoFixture } from '../testing/conformance/mosquitto-fixture';
import { findMosquitto } from '../testing/mosquitto';
import { conformanceSuite } from '../testing/conformance/suite';

const binaries = findMosquitto();
if ('missing' in binaries) {
  console.warn(`Skipping the Mosquitto half of the protocol conformance suite: ${binaries.missing}.`);
}

describe.skipIf('missing' in binaries)('protocol conformance: Mosquitto', () => {
  if (!('missing' in binaries)) conformanceSuite(() => mosquittoFixture(binaries));
});
