import { parseConfig } from './config.js';
import { consoleLog, startApp } from './app.js';

// The only place that reads the environment and installs process handlers.
let config: ReturnType<typeof parseConfig>;
try {
  config = parseConfig(process.env);
} catch (error) {
  console.error(`[pkl] configuration error: ${(error as Error).message}`);
  process.exit(2);
}

const app = await startApp(config);
console.log(`[pkl] Partnerschapskaart Live is running: ${app.url}  (data: ${config.dataDir})`);
// Machine-readable line for test harnesses that start us on port 0.
console.log(`PKL_LISTENING ${app.port}`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`[pkl] ${signal}: saving and stopping`);
  await app.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
// A closed stdout or stderr (the reading process went away) must not make every log line an uncaught
// EPIPE that the handler below logs again, to the same closed pipe, forever (measured: 100 % of a core).
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
process.on('uncaughtException', (error) => consoleLog('uncaught exception (server keeps running)', error));
process.on('unhandledRejection', (error) => consoleLog('unhandled rejection (server keeps running)', error));
