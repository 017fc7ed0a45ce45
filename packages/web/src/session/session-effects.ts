// Carries out the session reducer's effects at the edge: cue text and ring, speech paired with
// text, vibration, a note on a small rep, and saving the finished record. The switch is
// exhaustive: an effect the exercise package adds fails to compile here until it is handled.
import {
  CUE_MESSAGE,
  type CueId,
  type SessionEffect,
  type SessionRecord,
  type SessionState,
} from '@anklepump/exercise';
import type { Method } from '../app/app.ts';
import type { ExerciseKey } from '../i18n/exercise-messages.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import type { SessionView } from './session-view.ts';

export interface EffectDeps {
  readonly view: Pick<SessionView, 'cue' | 'countdown' | 'say' | 'warn' | 'render'>;
  readonly method: Method;
  readonly t: (key: MessageKey) => string;
  /** The localised sentence of a spoken effect. */
  readonly speechText: (key: ExerciseKey, params: Record<string, string | number>) => string;
  readonly speak: (text: string) => void;
  readonly vibrate: (patternMs: readonly number[]) => void;
  /** Saves the finished record and leaves the screen; called once. */
  readonly save: (record: SessionRecord) => void;
}

/** The cue whose instruction each spoken sentence is ("Hold the toes up." belongs to hold-up). */
const CUE_OF_SENTENCE: ReadonlyMap<string, CueId> = new Map(
  (Object.entries(CUE_MESSAGE) as [CueId, string][]).map(([cue, key]) => [key, cue]),
);

/** The handler the runner calls with each transition's effects and the state after it. */
export function createEffectHandler(
  d: EffectDeps,
): (effects: readonly SessionEffect[], state: SessionState) => void {
  let saved = false;
  /**
   * The cue the spoken line under the instruction belongs to, when it is an instruction. The voice
   * teaches the movement only on each foot's first pump, so without this an old instruction
   * ("Hold the toes up.") would stay under a new one ("Point the toes down") for the rest of a set
   * in which the sensor counts nothing (and so nothing else is said).
   */
  let spokenCue: CueId | null = null;
  const handle = (e: SessionEffect): void => {
    switch (e.type) {
      case 'cue': {
        const hold = e.cue === 'hold-down' || e.cue === 'hold-up' || e.cue === 'rest';
        d.view.cue(e.cue, hold ? e.durationMs : 0, e.endsAtMs);
        if (spokenCue !== null && spokenCue !== e.cue) {
          d.view.say('');
          spokenCue = null;
        }
        // A side view sees one leg: the other foot needs the camera on its side.
        if (e.cue === 'switch-foot' && d.method === 'camera') d.view.warn(d.t('session.camera.switch'), 8000);
        return;
      }
      case 'countdown':
        d.view.countdown(e.seconds * 1000, e.endsAtMs);
        return;
      case 'speak': {
        const text = d.speechText(e.key, e.params ?? {});
        d.view.say(text);
        spokenCue = CUE_OF_SENTENCE.get(e.key) ?? null;
        d.speak(text);
        return;
      }
      case 'vibrate':
        d.vibrate(e.patternMs);
        return;
      case 'rep-counted':
        if (!e.full) d.view.warn(d.t('session.warn.shallow'));
        return;
      case 'set-complete':
      case 'session-complete':
      case 'stop':
        // Told to the patient by the speak and cue effects that come with them.
        return;
      case 'save-record':
        if (saved) return;
        saved = true;
        d.save(e.record);
        return;
      default: {
        const unhandled: never = e;
        throw new Error(`unhandled session effect ${JSON.stringify(unhandled)}`);
      }
    }
  };
  return (effects, state) => {
    for (const e of effects) handle(e);
    d.view.render(state);
  };
}
