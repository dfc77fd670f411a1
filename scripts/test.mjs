// `npm test`: every check the project promises, in order. Stops at the first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  ['import circles (dpdm)', ['run', 'check:cycles']],
  ['unit and integration tests', ['run', 'test:unit']],
  ['build', ['run', 'build']],
  ['end-to-end tests (browser mode, Chromium)', ['run', 'test:e2e']],
  ['end-to-end tests (Electron)', ['run', 'test:electron']],
  ['security scan (Electronegativity)', ['run', 'security']],
];

for (const [name, args] of steps) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const result = spawnSync('npm', args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== FAILED: ${name} (exit ${result.status ?? result.signal}, ${seconds} s)`);
    process.exit(1);
  }
  console.log(`=== ok: ${name} (${seconds} s)`);
}
console.log('\n=== all test steps passed');
