/**
 * Renders zod schemas as markdown field tables for docs/protocol.md: one row per field (nested anonymous objects are
 * flattened as `a.b`, array items as `a[].b`), with its type, whether a sender must give it, its limits and a
 * description. Types and limits come from zod's own JSON Schema conversion (`z.toJSONSchema`, input side, so a field
 * with a default is optional); descriptions come from `.describe()` or, failing that, from the JSDoc comment on the
 * field in the schema's source file. A schema that has a name of its own is shown as a link to its own table.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { z } from 'zod';
import { ID_PATTERN } from '../shared/protocol/ids';

/** A schema the docs name: its export name, the file that declares it and (for an entry of an exported object) its key. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
  /** Repository-relative path of the source file, for JSDoc. */
  file: string;
  /** The exported binding that declares it, and the key within it when it is one entry of an exported object. */
  exportName: string;
  key?: string;
}

/** The JSON Schema keywords this renderer reads. */
interface Json {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: Json;
  properties?: Record<string, Json>;
  required?: string[];
  additionalProperties?: Json | boolean;
  propertyNames?: Json;
  anyOf?: Json[];
  oneOf?: Json[];
  /** Set by this renderer: the schema is one of the named ones, documented in its own table. */
  'x-named'?: string;
}

/** GitHub's heading anchor for a heading that is exactly `name`. */
export function anchorOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

// ---- JSDoc from source --------------------------------------------------------------------------------------------

const sources = new Map<string, ts.SourceFile>();

function sourceFile(file: string): ts.SourceFile {
  let source = sources.get(file);
  if (!source) {
    const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    sources.set(file, source);
  }
  return source;
}

/** The text of the JSDoc comment right before `node`, on one line; undefined when it has none. */
function leadingDoc(source: ts.SourceFile, node: ts.Node): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const last = ranges.filter((r) => source.text.startsWith('/**', r.pos)).at(-1);
  if (!last) return undefined;
  return source.text
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .filter((line) => line.length > 0)
    .join(' ');
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

function unwrap(node: ts.Expression): ts.Expression {
  while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);

/** The `name = literal` that tells a union's object variant apart, as the renderer keys it. */
function variantKey(objectCall: ts.Expression): string | undefined {
  if (!ts.isCallExpression(objectCall)) return undefined;
  const shape = objectCall.arguments[0];
  if (!shape || !ts.isObjectLiteralExpression(shape)) return undefined;
  for (const prop of shape.properties) {
    if (!ts.isPropertyAssignment(prop) || !ts.isCallExpression(prop.initializer)) continue;
    const callee = prop.initializer.expression;
    const literal = prop.initializer.arguments[0];
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'literal' || !literal) continue;
    const value = ts.isStringLiteral(literal) ? literal.text : literal.kind === ts.SyntaxKind.TrueKeyword ? true : literal.kind === ts.SyntaxKind.FalseKeyword ? false : Number(literal.getText());
    return `${propertyName(prop.name)}=${JSON.stringify(value)}`;
  }
  return undefined;
}

/**
 * Every JSDoc comment inside one exported schema declaration, keyed by field path (`teacher.id`; array items add no
 * segment; a union variant adds `|type="draw"`). Spreads of a local object (`...eventAt`) count as its fields, with
 * the object's own comment for fields that have none.
 */
function docsOf(file: string, exportName: string): Map<string, string> {
  const source = sourceFile(file);
  const locals = new Map<string, { init: ts.Expression; doc?: string }>();
  let root: ts.Expression | undefined;
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      locals.set(declaration.name.text, { init: declaration.initializer, doc: leadingDoc(source, statement) });
      if (declaration.name.text === exportName) root = declaration.initializer;
    }
  }
  const docs = new Map<string, string>();
  if (!root) throw new Error(`${file} declares no ${exportName}`);

  const fields = (shape: ts.ObjectLiteralExpression, path: string, fallback?: string) => {
    for (const prop of shape.properties) {
      if (ts.isPropertyAssignment(prop)) {
        const name = propertyName(prop.name);
        if (name === undefined) continue;
        const doc = leadingDoc(source, prop) ?? fallback;
        if (doc) docs.set(join(path, name), doc);
        visit(prop.initializer, join(path, name));
      } else if (ts.isSpreadAssignment(prop) && ts.isIdentifier(prop.expression)) {
        const local = locals.get(prop.expression.text);
        const init = local && unwrap(local.init);
        if (init && ts.isObjectLiteralExpression(init)) fields(init, path, local.doc);
      }
    }
  };

  const visit = (node: ts.Node, path: string): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (['object', 'strictObject', 'looseObject', 'extend'].includes(method)) {
        for (const arg of node.arguments) if (ts.isObjectLiteralExpression(arg)) fields(arg, path);
        visit(node.expression.expression, path);
        return;
      }
      if (method === 'discriminatedUnion' || method === 'union') {
        for (const arg of node.arguments) {
          if (!ts.isArrayLiteralExpression(arg)) continue;
          for (const element of arg.elements) {
            const key = variantKey(element);
            const at = key ? `${path}|${key}` : path;
            const doc = leadingDoc(source, element);
            if (key && doc) docs.set(at, doc);
            visit(element, at);
          }
        }
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, path));
  };

  const init = unwrap(root);
  // An exported object of schemas (SfuParams): each entry is keyed by its name.
  if (ts.isObjectLiteralExpression(init)) fields(init, '');
  else visit(init, '');
  return docs;
}

// ---- Tables -------------------------------------------------------------------------------------------------------

/** Escapes a table cell: pipes, and line breaks that would end the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

const code = (text: string) => `\`${text}\``;
const json = (value: unknown) => JSON.stringify(value);

function isNull(schema: Json): boolean {
  return schema.type === 'null';
}

function branches(schema: Json): Json[] | undefined {
  return schema.anyOf ?? schema.oneOf;
}

function isAnonymousObject(schema: Json): boolean {
  return schema['x-named'] === undefined && schema.type === 'object' && schema.properties !== undefined;
}

function range(low: string | undefined, high: string | undefined, unit = ''): string | undefined {
  if (low !== undefined && high !== undefined) return `${low} to ${high}${unit}`;
  if (low !== undefined) return `${low.startsWith('>') ? low : `≥ ${low}`}${unit}`;
  if (high !== undefined) return `${high.startsWith('<') ? high : `≤ ${high}`}${unit}`;
  return undefined;
}

export class FieldRenderer {
  private readonly names = new Map<z.ZodType, NamedSchema>();
  private readonly docs = new Map<string, Map<string, string>>();

  constructor(named: readonly NamedSchema[]) {
    for (const entry of named) if (!this.names.has(entry.schema)) this.names.set(entry.schema, entry);
  }

  /** The anchor a named schema's table is linked at. */
  link(name: string): string {
    return `[${name}](#${anchorOf(name)})`;
  }

  private jsonOf(schema: z.ZodType): Json {
    return z.toJSONSchema(schema, {
      io: 'input',
      unrepresentable: 'any',
      override: (ctx) => {
        const named = this.names.get(ctx.zodSchema as unknown as z.ZodType);
        if (named && (ctx.zodSchema as unknown) !== schema) (ctx.jsonSchema as Json)['x-named'] = named.name;
      },
    }) as Json;
  }

  private docOf(entry: NamedSchema, path: string): string | undefined {
    const id = `${entry.file}#${entry.exportName}`;
    let docs = this.docs.get(id);
    if (!docs) {
      docs = docsOf(entry.file, entry.exportName);
      this.docs.set(id, docs);
    }
    const key = entry.key === undefined ? path : join(entry.key, path);
    return docs.get(key.replace(/\[\]/g, ''));
  }

  /** The schema's own JSDoc (the comment on its declaration, or on its entry). */
  summary(entry: NamedSchema): string | undefined {
    if (entry.key !== undefined) return this.docOf(entry, '');
    const source = sourceFile(entry.file);
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      if (statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === entry.exportName)) {
        return leadingDoc(source, statement);
      }
    }
    return undefined;
  }

  typeOf(schema: Json): string {
    if (schema['x-named']) return this.link(schema['x-named']);
    if (schema.const !== undefined) return code(json(schema.const));
    if (schema.enum) return schema.enum.map((v) => code(json(v))).join(' | ');
    const options = branches(schema);
    if (options) return options.map((o) => this.typeOf(o)).join(' | ');
    switch (schema.type) {
      case 'string':
        return schema.pattern === ID_PATTERN.source ? 'id' : 'string';
      case 'array': {
        const item = schema.items ?? {};
        if (isAnonymousObject(item)) return 'object[]';
        const inner = this.typeOf(item);
        return !item['x-named'] && (branches(item) || item.enum) ? `(${inner})[]` : `${inner}[]`;
      }
      case 'object': {
        if (schema.properties) return 'object';
        const value = typeof schema.additionalProperties === 'object' ? this.typeOf(schema.additionalProperties) : 'any';
        const key = schema.propertyNames?.pattern === ID_PATTERN.source ? 'id' : 'string';
        return `record<${key}, ${value}>`;
      }
      case undefined:
        return 'any';
      default:
        return schema.type;
    }
  }

  limitsOf(schema: Json): string[] {
    if (schema['x-named'] || schema.const !== undefined || schema.enum) return [];
    const options = branches(schema);
    if (options) {
      // Say which branch a limit belongs to when more than one has limits (`string: …; string[]: …`).
      const limited = options.filter((o) => this.limitsOf(o).length > 0);
      if (limited.length < 2) return options.flatMap((o) => this.limitsOf(o));
      return limited.map((o) => `${this.typeOf(o)}: ${this.limitsOf(o).join(', ')}`);
    }
    const limits: string[] = [];
    const number = (n: number | undefined) => (n === undefined || Math.abs(n) === Number.MAX_SAFE_INTEGER ? undefined : String(n));
    switch (schema.type) {
      case 'string': {
        const length = range(number(schema.minLength), number(schema.maxLength), ' chars');
        if (length) limits.push(length);
        if (schema.pattern && schema.pattern !== ID_PATTERN.source) limits.push(`pattern ${code(schema.pattern)}`);
        break;
      }
      case 'number':
      case 'integer': {
        // An integer's exclusive bound is the next whole number: `> 0` reads `≥ 1`.
        const step = schema.type === 'integer' ? 1 : 0;
        const exclusive = (bound: number, sign: '>' | '<') => (step ? String(sign === '>' ? bound + step : bound - step) : `${sign} ${bound}`);
        const low = schema.exclusiveMinimum !== undefined ? exclusive(schema.exclusiveMinimum, '>') : number(schema.minimum);
        const high = schema.exclusiveMaximum !== undefined ? exclusive(schema.exclusiveMaximum, '<') : number(schema.maximum);
        const bounds = range(low, high);
        if (bounds) limits.push(bounds);
        break;
      }
      case 'array': {
        const count = range(number(schema.minItems), number(schema.maxItems), ' items');
        if (count) limits.push(count);
        const item = schema.items;
        if (item && !isAnonymousObject(item)) limits.push(...this.limitsOf(item).map((l) => `each ${l}`));
        break;
      }
      case 'object':
        if (!schema.properties && typeof schema.additionalProperties === 'object') {
          if (schema.propertyNames?.pattern && schema.propertyNames.pattern !== ID_PATTERN.source) {
            limits.push(`keys ${code(schema.propertyNames.pattern)}`);
          }
          limits.push(...this.limitsOf(schema.additionalProperties).map((l) => `each value ${l}`));
        }
        break;
    }
    return limits;
  }

  private rows(entry: NamedSchema, schema: Json, prefix: string, docPrefix: string, out: string[]): void {
    const required = new Set(schema.required ?? []);
    for (const [name, field] of Object.entries(schema.properties ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      const docPath = join(docPrefix, name);
      const options = branches(field);
      const objectBranches = options?.filter((o) => isAnonymousObject(o)) ?? [];
      if (objectBranches.length > 0 && !(options?.length === 2 && options.some(isNull))) {
        throw new Error(`${entry.name}.${path} is a union of unnamed objects: name its schema so it gets its own table`);
      }
      const need = required.has(name) ? 'yes' : field.default !== undefined ? `no (default ${code(json(field.default))})` : 'no';
      const description = field.description ?? this.docOf(entry, docPath) ?? '';
      const nullable = options?.length === 2 && options.some(isNull) ? options.find((o) => !isNull(o)) : undefined;
      const shown = nullable && isAnonymousObject(nullable) ? 'object | null' : this.typeOf(field);
      out.push(`| ${cell(code(path))} | ${cell(shown)} | ${need} | ${cell(this.limitsOf(field).join('; '))} | ${cell(description)} |`);
      const nested = nullable && isAnonymousObject(nullable) ? nullable : field;
      if (isAnonymousObject(nested)) this.rows(entry, nested, path, docPath, out);
      else if (nested.type === 'array' && nested.items && isAnonymousObject(nested.items)) this.rows(entry, nested.items, `${path}[]`, docPath, out);
    }
  }

  private table(entry: NamedSchema, schema: Json, docPrefix: string): string {
    const out = ['| field | type | required | limits | description |', '|---|---|---|---|---|'];
    this.rows(entry, schema, '', docPrefix, out);
    return out.join('\n');
  }

  /**
   * The field table of one named schema. A union of objects (RpcResponse, TelemetryEvent) gets one table per variant,
   * each introduced by the field and value that select it.
   */
  render(entry: NamedSchema): string {
    const schema = this.jsonOf(entry.schema);
    const variants = branches(schema);
    if (!variants) {
      if (!isAnonymousObject(schema)) throw new Error(`${entry.name} is not an object schema`);
      return this.table(entry, schema, '');
    }
    // The discriminator: a field that is a literal in every variant, a different one in each.
    const field = Object.keys(variants[0]?.properties ?? {}).find((name) => {
      const values = variants.map((v) => v.properties?.[name]?.const);
      return values.every((v) => v !== undefined) && new Set(values.map((v) => json(v))).size === variants.length;
    });
    if (field === undefined) throw new Error(`${entry.name}: its variants have no literal field that tells them apart`);
    return variants
      .map((variant) => {
        const value = variant.properties?.[field]?.const;
        const key = `|${field}=${json(value)}`;
        const doc = this.docOf(entry, key);
        const head = `${code(`${field}: ${json(value)}`)}${doc ? `: ${doc}` : ''}`;
        return `${head}\n\n${this.table(entry, variant, key)}`;
      })
      .join('\n\n');
  }

  /**
   * A method's params or result in one line: a named schema as a link to its table, an object as `{field: type, …}`
   * with nested objects as `object`, `{}` for an empty object and `any` for a value left free.
   */
  inline(schema: z.ZodType): string {
    const named = this.names.get(schema);
    return named ? this.link(named.name) : this.shape(this.jsonOf(schema), 0);
  }

  private shape(schema: Json, depth: number): string {
    if (schema['x-named']) return this.link(schema['x-named']);
    const options = branches(schema);
    if (options) return options.map((o) => this.shape(o, depth)).join(' | ');
    if (schema.type === 'object' && schema.properties) {
      const entries = Object.entries(schema.properties);
      if (entries.length === 0) return code('{}');
      if (depth > 0) return 'object';
      const required = new Set(schema.required ?? []);
      return `{${entries.map(([name, field]) => `${name}${required.has(name) ? '' : '?'}: ${this.shape(field, depth + 1)}`).join(', ')}}`;
    }
    if (schema.type === 'array' && schema.items && isAnonymousObject(schema.items)) return 'object[]';
    return this.typeOf(schema);
  }

  /**
   * The methods of one service from its RPC contract: a table of what each answers and does, then one of each
   * method's params, field by field. A method whose params are free (any value) gets one row saying so.
   */
  renderMethods(methods: readonly { method: string; params: NamedSchema; result: z.ZodType; summary: string }[]): string {
    const answers = ['| method | result | what it does |', '|---|---|---|'];
    for (const { method, result, summary } of methods) answers.push(`| ${code(method)} | ${cell(this.inline(result))} | ${cell(summary)} |`);
    const out = ['| method | param | type | required | limits | description |', '|---|---|---|---|---|---|'];
    for (const { method, params } of methods) {
      const json = this.jsonOf(params.schema);
      if (json.type === undefined && !branches(json)) {
        out.push(`| ${code(method)} | ${code('params')} | any | no |  | any value |`);
        continue;
      }
      const rows: string[] = [];
      this.rows(params, json, '', '', rows);
      rows.forEach((row, i) => out.push(`| ${i === 0 ? code(method) : ''} ${row}`));
      if (rows.length === 0) out.push(`| ${code(method)} | | | | | no params: \`{}\` |`);
    }
    return `${answers.join('\n')}\n\n${out.join('\n')}`;
  }
}
