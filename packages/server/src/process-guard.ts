// The last line of defence for a server process that runs without a supervisor: an error that
// escapes every handler (a library callback throwing, a promise nobody awaited) is logged with a
// stack and the process goes on serving, instead of Node's default of exiting.
import type { Logger } from './logger.ts';

/** Installs the process-wide handlers once per process; returns a function that removes them. */
export function guardProcess(logger: Logger): () => void {
  const onException = (e: unknown) =>
    logger.log('error', 'uncaught exception (kept serving)', {
      error: e instanceof Error ? e.stack : String(e),
    });
  const onRejection = (e: unknown) =>
    logger.log('error', 'unhandled rejection (kept serving)', {
      error: e instanceof Error ? e.stack : String(e),
    });
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
