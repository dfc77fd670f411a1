// `npm run check:cycles`: fails on any import circle among the runtimes' sources, found by dpdm (it reads
// TypeScript with the compiler itself and resolves through the tsconfigs). Type-only imports count: a circle of
// types costs nothing at run time, but it still means two modules define each other, where the contract belongs in
// one place both import (docs/decisions.md, "Import circles"). Each circle is shown as a file chain, marked "run
// time" when it remains once types are erased. Tests count too: nothing imports a test, so they close no circle.
// Usage: node scripts/check-cycles.mjs [dir ...]   (default: main preload renderer shared services)
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['main', 'preload', 'renderer', 'shared', 'services'];

for (const dir of dirs) {
  if (!existsSync(resolve(root, dir))) {
    console.error(`check:cycles: no such folder: ${dir}`);
    process.exit(2);
  }
}

const entries = dirs.map((dir) => `${relative(root, resolve(root, dir)).replaceAll('\\', '/')}/**/*.{ts,tsx,mts,cts,js,mjs}`);
const options = { cwd: root, context: root, tsconfig: join(root, 'tsconfig.json') };
const tree = await parseDependencyTree(entries, { ...options, transform: false });
const files = Object.keys(tree).filter((file) => !file.includes('node_modules'));
const circles = parseCircular(tree);

if (circles.length === 0) {
  console.log(`check:cycles: ok — no import circle among ${files.length} files in ${dirs.map((d) => `${d}/`).join(', ')}`);
  process.exit(0);
}

// Parsed again with types erased, to tell the circles that exist at run time from the type-only ones.
const runtime = await parseDependencyTree(entries, { ...options, transform: true });
const edge = (from, to) => (runtime[from] ?? []).some((dependency) => dependency.id === to);
console.error(`check:cycles: FAILED — ${circles.length} import circle(s):`);
for (const circle of circles) {
  const chain = [...circle, circle[0]];
  const atRunTime = chain.slice(1).every((to, i) => edge(chain[i], to));
  console.error(`  ${chain.join(' → ')}  (${atRunTime ? 'run time' : 'type-only imports'})`);
}
// dpdm names one circle per back edge it meets, so a knot of files can hold more circles than it lists; the knots
// themselves (strongly connected files) say what has to be untied before the check passes.
for (const knot of knots(tree)) console.error(`  knot of ${knot.length} files, each reaching every other: ${knot.sort().join(', ')}`);
console.error('Break each circle by moving what both sides need into a module that neither imports back.');
process.exit(1);

/** Strongly connected groups of two or more files (Tarjan). */
function knots(graph) {
  const next = (file) => (graph[file] ?? []).map((dependency) => dependency.id).filter((id) => id !== null && graph[id]);
  const order = new Map();
  const low = new Map();
  const stack = [];
  const found = [];
  const visit = (file) => {
    order.set(file, order.size);
    low.set(file, order.get(file));
    stack.push(file);
    for (const to of next(file)) {
      if (!order.has(to)) {
        visit(to);
        low.set(file, Math.min(low.get(file), low.get(to)));
      } else if (stack.includes(to)) {
        low.set(file, Math.min(low.get(file), order.get(to)));
      }
    }
    if (low.get(file) !== order.get(file)) return;
    const group = stack.splice(stack.indexOf(file));
    if (group.length > 1) found.push(group);
  };
  for (const file of Object.keys(graph)) if (!order.has(file)) visit(file);
  return found;
}
