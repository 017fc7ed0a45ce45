// Drives the exercise package's session reducer in the browser: stamps events with the clock,
// ticks it, persists the state after every change (so a reload or crash keeps the reps done)
// and hands each effect to the screen, which carries it out (text, voice, vibration, save).
import { type SessionEffect, type SessionEvent, type SessionState, transition } from '@anklepump/exercise';

type Untimed<E> = E extends unknown ? Omit<E, 'tMs'> : never;
export type RunnerEvent = Untimed<SessionEvent>;

export interface RunnerOptions {
  /** Epoch ms now; the tests' clock replaces it through the page clock, not here. */
  readonly now?: () => number;
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

/** Starts ticking the machine from `initial`; `stop` ends the ticking (not the session). */
export function createRunner(initial: SessionState, options: RunnerOptions): Runner {
  const now = options.now ?? (() => Date.now());
  let state = initial;
  const dispatch = (event: RunnerEvent): readonly SessionEffect[] => {
    const before = state;
    const out = transition(state, { ...event, tMs: now() } as SessionEvent);
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
