// Browser mode: the embedded classroom backend serving the built console. Started by `npm start` (scripts/start.mjs)
// when Electron is unavailable or `--web` is given, under tsx (services/ is TypeScript):
//   node --import tsx scripts/serve-web.mjs <staticDir> <port> [--fallback]
const { startBackend } = await import('../services/backend.ts');

const [staticDir, portText, fallback] = process.argv.slice(2);
const port = Number(portText);
if (!staticDir || !Number.isInteger(port)) {
  console.error('usage: serve-web.mjs <staticDir> <port> [--fallback]');
  process.exit(2);
}

async function start() {
  try {
    return await startBackend({ staticDir, port });
  } catch (error) {
    if (fallback !== '--fallback' || error.code !== 'EADDRINUSE') throw error;
    console.log(`Port ${port} is taken; letting the system choose another.`);
    return startBackend({ staticDir, port: 0 });
  }
}

const backend = await start().catch((error) => {
  console.error(`Could not start the classroom backend: ${error.message}`);
  process.exit(1);
});

console.log(`\nClassroom Console (browser mode) is running. Open:\n\n    ${backend.httpUrl}/\n`);
console.log('Demo accounts (local mode):');
for (const account of backend.demoAccounts) console.log(`  ${account.role.padEnd(10)} ${account.username} / ${account.password}`);
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
