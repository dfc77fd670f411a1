// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';

const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

/**
 * Test support (clients, fixtures, test participants, kits) lives in folders named `testing/`, and production code
 * never imports it. Tests (`*.test.*`, `*.spec.*`), files inside a `testing/` folder, and the top-level folders named
 * in the options (e2e, bench, scripts) may. Relative specifiers are resolved against the importing file.
 *
 * @type {import('eslint').Rule.RuleModule}
 */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid production code to import test support from a testing/ folder' },
    schema: [
      {
        type: 'object',
        properties: { folders: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: { testSupport: '{{file}} is production code and may not import test support ({{target}}).' },
  },
  create(context) {
    /** @type {string[]} */
    const exempt = context.options[0]?.folders ?? [];
    const root = context.cwd;
    const file = relative(root, context.filename);
    const segments = file.split(sep);
    const mayImport =
      TEST_FILE.test(file) || exempt.includes(segments[0] ?? '') || segments.slice(0, -1).includes('testing') || segments[0] === '..';
    if (mayImport) return {};

    /** @param {import('estree').Node & { source?: import('estree').Node | null }} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source.value));
      if (target.split(sep).includes('testing')) {
        context.report({ node: source, messageId: 'testSupport', data: { file, target } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default rule;
