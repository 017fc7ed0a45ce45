// The session's one clock, injected: wall time for the reducer and the record (epoch ms), and the
// monotonic time sensors stamp their samples and frames with (performance.now()). A rep keeps the
// time of the frame or sample it ended on, carried over into the session's epoch time.
export interface SessionClock {
  /** Epoch ms now. */
  nowMs(): number;
  /** Monotonic ms now, in the time base of sensor samples and camera frames. */
  monotonicMs(): number;
}

/** The browser's clocks (faked as a pair by the e2e tests' page clock). */
export const browserClock: SessionClock = {
  nowMs: () => Date.now(),
  monotonicMs: () => performance.now(),
};

/** The epoch ms of a moment the sensors stamped in monotonic ms. */
export function epochOf(clock: SessionClock, monotonicMs: number): number {
  return Math.round(clock.nowMs() - (clock.monotonicMs() - monotonicMs));
}
