// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * Runtime boundaries (../shared/ARCHITECTURE.md, "Layout"): a file in one top-level folder may import from another
 * top-level folder only if the table allows it. Relative specifiers are resolved against the importing file, so
 * `../../services/x` is caught however deep the importer sits. Folders not in the table (e2e, bench, scripts) may
 * import anything.
 *
 * @type {import('eslint').Rule.RuleModule}
 */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports that cross a runtime boundary' },
    schema: [{ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }],
    messages: { crossed: '{{from}}/ may not import from {{to}}/ (it may import: {{allowed}}).' },
  },
  create(context) {
    /** @type {Record<string, string[]>} */
    const allowed = context.options[0] ?? {};
    const root = context.cwd;
    const from = relative(root, context.filename).split(sep)[0] ?? '';
    const mayImport = allowed[from];
    if (!mayImport) return {};

    /** @param {import('estree').Node & { source?: import('estree').Node | null }} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source.value)).split(sep)[0] ?? '';
      if (target === from || target === '..' || target === '') return;
      if (!mayImport.includes(target)) {
        context.report({
          node: source,
          messageId: 'crossed',
          data: { from, to: target, allowed: mayImport.length ? mayImport.map((f) => `${f}/`).join(', ') : 'nothing outside itself' },
        });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default rule;
