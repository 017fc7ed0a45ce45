// Structured logs: one JSON object per line, written to a sink the composition root chooses.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
}

/** A JSON-lines logger; `now` gives wall-clock ms so tests can pin it. */
export function createJsonLogger(options: {
  level: LogLevel;
  write: (line: string) => void;
  now: () => number;
}): Logger {
  const min = RANK[options.level];
  return {
    log(level, msg, fields) {
      if (RANK[level] < min) return;
      options.write(
        `${JSON.stringify({ t: new Date(options.now()).toISOString(), level, msg, ...fields })}\n`,
      );
    },
  };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { log() {} };
