// A server in its own process, configured from the environment, for tests that kill it
// (crash safety) and for the benchmark's load. Prints `listening <url>` when ready.
import { loadConfig } from '../src/config.ts';
import { createJsonLogger, silentLogger } from '../src/logger.ts';
import { startServer } from '../src/start.ts';

const config = loadConfig(process.env, {
  sqlitePath: process.env.SQLITE_PATH ?? 'anklepump.db',
  webDist: '/nonexistent',
});
// LOG_TO=stderr lets a test read the logs (e.g. that a disconnect is not counted as a 5xx).
const logger =
  process.env.LOG_TO === 'stderr'
    ? createJsonLogger({ level: 'info', write: (l) => process.stderr.write(l), now: Date.now })
    : silentLogger;
const s = await startServer(config, { logger, guardProcess: true });
process.stdout.write(`listening ${s.url}\n`);
process.on('SIGTERM', () => {
  s.stop(2000).then(() => process.exit(0));
});
