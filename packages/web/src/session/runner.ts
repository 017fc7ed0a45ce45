// Drives the exercise package's session reducer in the browser: stamps each event once with the
// injected clock, ticks it, persists the state after every change (so a reload or crash keeps the
// reps done) and hands each effect to the effect handler, which carries it out.
import { type SessionEffect, type SessionEvent, type SessionState, transition } from '@anklepump/exercise';
import type { SessionClock } from './clock.ts';

type Untimed<E> = E extends unknown ? Omit<E, 'tMs'> : never;
/** An event as the screen raises it; the runner gives it the time it happened. */
export type RunnerEvent = Untimed<SessionEvent>;

export interface RunnerOptions {
  readonly clock: Pick<SessionClock, 'nowMs'>;
  /** Tick interval, ms: how often phase timers are checked. */
  readonly tickMs?: number;
  readonly onEffects: (effects: readonly SessionEffect[], state: SessionState) => void;
  readonly persist: (state: SessionState) => void | Promise<void>;
}

export interface Runner {
  readonly state: SessionState;
  dispatch(event: RunnerEvent): readonly SessionEffect[];
  stop(): void;
}

/**
 * Starts ticking the machine from `initial`; `stop` ends the ticking (not the session). The
 * reducer ignores events older than the last one, so every event is stamped on arrival; a sensor
 * rep keeps its own frame time in `rep.tMs`.
 */
export function createRunner(initial: SessionState, options: RunnerOptions): Runner {
  let state = initial;
  const dispatch = (event: RunnerEvent): readonly SessionEffect[] => {
    const before = state;
    const out = transition(state, { ...event, tMs: options.clock.nowMs() } as SessionEvent);
    state = out.state;
    if (out.effects.length > 0 || state.status !== before.status) {
      void options.persist(state);
      options.onEffects(out.effects, state);
    }
    return out.effects;
  };
  const timer = setInterval(() => {
    if (state.status === 'running') dispatch({ type: 'tick' });
  }, options.tickMs ?? 100);
  return {
    get state() {
      return state;
    },
    dispatch,
    stop() {
      clearInterval(timer);
    },
  };
}
