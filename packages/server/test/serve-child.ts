// A server in its own process, configured from the environment, for tests that kill it
// (crash safety) and for the benchmark's load. Prints `listening <url>` when ready.
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { startServer } from '../src/start.ts';

const config = loadConfig(process.env, {
  sqlitePath: process.env.SQLITE_PATH ?? 'anklepump.db',
  webDist: '/nonexistent',
});
const s = await startServer(config, { logger: silentLogger });
process.stdout.write(`listening ${s.url}\n`);
process.on('SIGTERM', () => {
  s.stop(2000).then(() => process.exit(0));
});
