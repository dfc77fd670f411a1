import { RuleTester } from 'eslint';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import rule from './runtime-boundaries.js';

RuleTester.describe = describe;
RuleTester.it = it;

const root = resolve(import.meta.dirname, '..');
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const options = [{ shared: [], renderer: ['shared'], main: ['shared', 'services'] }];
const file = (path: string) => resolve(root, path);

tester.run('runtime-boundaries', rule, {
  valid: [
    { code: "import { topic } from '../../shared/protocol';", filename: file('renderer/link/core.ts'), options },
    { code: "import { x } from './ids';", filename: file('shared/protocol/topics.ts'), options },
    { code: "import { startBackend } from '../services/backend';", filename: file('main/host.ts'), options },
    { code: "import mqtt from 'mqtt';", filename: file('renderer/x.ts'), options },
    { code: "import { a } from '../main/x';", filename: file('e2e/spec.ts'), options },
  ],
  invalid: [
    { code: "import { x } from '../../services/foo';", filename: file('shared/protocol/x.ts'), options, errors: [{ messageId: 'crossed' }] },
    { code: "export * from '../main/window';", filename: file('renderer/x.ts'), options, errors: [{ messageId: 'crossed' }] },
    { code: "const m = import('../../preload/index');", filename: file('renderer/a/b.ts'), options, errors: [{ messageId: 'crossed' }] },
  ],
});
