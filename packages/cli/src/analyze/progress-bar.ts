// A one-line progress bar for long video analyses on stderr: frames done, speed, time left.
// Silent unless stderr is a terminal (scripts and logs get no control characters).

export interface ProgressBar {
  update(done: number, total: number, elapsedS: number): void;
  finish(): void;
}

/** Formats the bar line; exported for tests. `width` is the bar's character count. */
export function formatProgress(
  done: number,
  total: number,
  elapsedS: number,
  sourceHz: number,
  width = 24,
): string {
  const frac = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(frac * width);
  const fps = elapsedS > 0 ? done / elapsedS : 0;
  const leftS = fps > 0 ? Math.max(0, (total - done) / fps) : Number.NaN;
  const speed = fps > 0 && sourceHz > 0 ? `${(fps / sourceHz).toFixed(1)}x real time` : '';
  const eta = Number.isFinite(leftS) ? `${Math.ceil(leftS)} s left` : '';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} frames  ${fps.toFixed(1)} fps  ${speed}  ${eta}`.trimEnd();
}

/** A bar writing to `stream` when `enabled`, else one that does nothing. `sourceHz`: frames per second of video. */
export function createProgressBar(
  stream: NodeJS.WritableStream,
  enabled: boolean,
  sourceHz: number,
): ProgressBar {
  if (!enabled) return { update() {}, finish() {} };
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total, elapsedS) {
      // Redraw at most ~10 times a second: a terminal write per frame would cost more than it shows.
      if (done < total && elapsedS - lastDraw < 0.1) return;
      lastDraw = elapsedS;
      drawn = true;
      stream.write(`\r\x1b[2K${formatProgress(done, total, elapsedS, sourceHz)}`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
