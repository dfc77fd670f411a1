import { RuleTester } from 'eslint';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import rule from './test-support.js';

RuleTester.describe = describe;
RuleTester.it = it;

const root = resolve(import.meta.dirname, '..');
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const options = [{ folders: ['e2e', 'bench', 'scripts'] }];
const file = (path: string) => resolve(root, path);

tester.run('test-support', rule, {
  valid: [
    { code: "import { Clients } from '../testing/clients';", filename: file('services/board/board.test.ts'), options },
    { code: "import { Clients } from '../../../services/testing/clients';", filename: file('renderer/link/worker/core.integration.test.ts'), options },
    { code: "import { Clients } from './clients';", filename: file('services/testing/help-clients.ts'), options },
    { code: "import { fixture } from './fixture';", filename: file('services/testing/conformance/suite.ts'), options },
    { code: "import { ownClientId } from '../../services/testing/clients';", filename: file('e2e/browser/supervise.spec.ts'), options },
    { code: "import { ownClientId } from '../services/testing/clients';", filename: file('bench/media.ts'), options },
    { code: "import { x } from '../services/testing/clients';", filename: file('scripts/tool.ts'), options },
    { code: "import { ServiceHost } from '../host/service-host';", filename: file('services/board/board.ts'), options },
    { code: "import mqtt from 'mqtt';", filename: file('services/board/board.ts'), options },
  ],
  invalid: [
    { code: "import { Clients } from '../testing/clients';", filename: file('services/board/board.ts'), options, errors: [{ messageId: 'testSupport' }] },
    { code: "export * from '../../services/testing/clients';", filename: file('main/electron/x.ts'), options, errors: [{ messageId: 'testSupport' }] },
    { code: "const kit = import('./testing/kit');", filename: file('renderer/board/a.ts'), options, errors: [{ messageId: 'testSupport' }] },
    // A test's helper that is not in a testing/ folder is production code as far as the rule knows.
    { code: "import { Clients } from '../testing/clients';", filename: file('services/board/board-kit.ts'), options, errors: [{ messageId: 'testSupport' }] },
  ],
});
