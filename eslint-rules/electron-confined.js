// @ts-check
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Electron stays in one folder of a runtime (../shared/ARCHITECTURE.md, "Processes": main-process logic is plain
 * TypeScript behind small interfaces, testable in Node without Electron). Enabled for the files of that runtime
 * (main/ in eslint.config.js), it reports, in every file outside `folder`:
 *
 * - an import of an Electron-only module (`electron` and its subpaths, `electron-updater`, ...), type-only imports,
 *   re-exports, `import()`, `require()` and `import x = require()` included: a type from Electron still ties the file
 *   to Electron, and its interface should say what it needs instead;
 * - a relative import of a file inside `folder`, since that file brings Electron along. The dependency runs one way:
 *   the Electron folder uses the plain files, never the reverse.
 *
 * Options: { folder: 'main/electron', modules: ['electron', 'electron-updater'] }, `folder` relative to the cwd.
 *
 * @type {import('eslint').Rule.RuleModule}
 */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Only one folder may import Electron' },
    schema: [
      {
        type: 'object',
        properties: { folder: { type: 'string' }, modules: { type: 'array', items: { type: 'string' } } },
        required: ['folder', 'modules'],
        additionalProperties: false,
      },
    ],
    messages: {
      electron: "Only {{folder}}/ may import '{{module}}'. Keep this file free of Electron behind a small interface, and let {{folder}}/ fill it.",
      reachesIn: "'{{source}}' lies in {{folder}}/, which imports Electron; files outside it may not import it (the Electron folder uses the plain files, not the reverse).",
    },
  },
  create(context) {
    const { folder, modules } = /** @type {{ folder: string, modules: string[] }} */ (context.options[0]);
    const root = context.cwd;
    /** @param {string} path */
    const inside = (path) => {
      const from = relative(resolve(root, folder), path);
      return from !== '..' && !from.startsWith(`..${sep}`) && !isAbsolute(from);
    };
    if (inside(context.filename)) return {};

    /** @param {import('estree').Node | null | undefined} source */
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (specifier.startsWith('.')) {
        if (inside(resolve(dirname(context.filename), specifier))) {
          context.report({ node: source, messageId: 'reachesIn', data: { source: specifier, folder } });
        }
        return;
      }
      const module = modules.find((name) => specifier === name || specifier.startsWith(`${name}/`));
      if (module) context.report({ node: source, messageId: 'electron', data: { module, folder } });
    };

    /** @param {any} node */
    const withSource = (node) => check(node.source);
    return {
      ImportDeclaration: withSource,
      ExportNamedDeclaration: withSource,
      ExportAllDeclaration: withSource,
      ImportExpression: withSource,
      /** @param {import('estree').CallExpression} node */
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          check(/** @type {import('estree').Node} */ (node.arguments[0]));
        }
      },
      /** `import x = require('electron')` */
      /** @param {any} node */
      TSExternalModuleReference(node) {
        check(node.expression);
      },
      /** `typeof import('electron')`, `import('electron').BrowserWindow` in a type */
      /** @param {any} node */
      TSImportType(node) {
        check(node.source ?? node.argument?.literal);
      },
    };
  },
};

export default rule;
