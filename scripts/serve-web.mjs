// Browser mode: the embedded classroom backend serving the built console. Started by `npm start` (scripts/start.mjs)
// when Electron is unavailable or `--web` is given, under tsx (services/ is TypeScript):
//   node --import tsx scripts/serve-web.mjs <staticDir> <port> [--fallback]
const { startBackend } = await import('../services/backend.ts');
const { DEMO_FAULTS_ENV, localModeSimulation } = await import('../services/simulator/demo-faults.ts');

const [staticDir, portText, fallback] = process.argv.slice(2);
const port = Number(portText);
if (!staticDir || !Number.isInteger(port)) {
  console.error('usage: serve-web.mjs <staticDir> <port> [--fallback]');
  process.exit(2);
}

// Local mode shows the supervisor's tools at work: a few demo faults unless CLASSROOM_DEMO_FAULTS=off.
const simulation = localModeSimulation(process.env);

async function start() {
  try {
    return await startBackend({ staticDir, port, simulation });
  } catch (error) {
    if (fallback !== '--fallback' || error.code !== 'EADDRINUSE') throw error;
    console.log(`Port ${port} is taken; letting the system choose another.`);
    return startBackend({ staticDir, port: 0, simulation });
  }
}

const backend = await start().catch((error) => {
  console.error(`Could not start the classroom backend: ${error.message}`);
  process.exit(1);
});

console.log(`\nClassroom Console (browser mode) is running. Open:\n\n    ${backend.httpUrl}/\n`);
console.log('Demo accounts (local mode):');
for (const account of backend.demoAccounts) console.log(`  ${account.role.padEnd(10)} ${account.username} / ${account.password}`);
console.log(
  simulation
    ? `\nDemo faults are on: a few simulated classes get problems, so tags, automatic remedies and escalations show within minutes (turn off: npm start -- --no-demo-faults, or ${DEMO_FAULTS_ENV}=off).`
    : '\nDemo faults are off: the simulated classes stay healthy.',
);
console.log(`\nBroker: ${backend.wsUrl} (WebSocket), ${backend.mqttUrl} (TCP). Press Ctrl-C to stop.`);

let closing = false;
const stop = () => {
  if (closing) return;
  closing = true;
  backend.close().then(
    () => process.exit(0),
    (error) => {
      console.error(`Stopping failed: ${error.message}`);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
