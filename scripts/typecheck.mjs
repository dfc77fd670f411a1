// Type-checks each runtime against its own tsconfig, so a file that reaches for another runtime's globals fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = [
  'shared/tsconfig.json',
  'main/tsconfig.json',
  'preload/tsconfig.json',
  'renderer/tsconfig.json',
  'renderer/link/tsconfig.json',
  'renderer/link/tsconfig.integration.json',
  'renderer/board/model/tsconfig.json',
  'renderer/board/model/tsconfig.integration.json',
  'services/tsconfig.json',
  'tsconfig.node.json',
];

let failed = false;
for (const project of projects) {
  if (!existsSync(project)) {
    console.error(`typecheck: ${project} is missing`);
    failed = true;
    continue;
  }
  const result = spawnSync('npx', ['tsc', '-p', project, '--noEmit'], { stdio: 'inherit' });
  console.log(`typecheck: ${project} ${result.status === 0 ? 'ok' : 'FAILED'}`);
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
