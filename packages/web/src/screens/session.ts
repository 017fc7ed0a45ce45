// The guided session screen: wiring only. It loads or creates the session, picks the movement
// checker, and connects the view (session/session-view.ts), the effect handler
// (session/session-effects.ts) and the runner under one injected clock. Every change is saved.
import {
  createSession,
  type MessageParams,
  type SessionRecord,
  type Side,
  TEMPO_LIMITS,
} from '@anklepump/exercise';
import type { Method, ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { createVoice, vibrate } from '../cues/voice.ts';
import { exerciseText } from '../i18n/exercise-messages.ts';
import { LANG_TAG } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import { calibrationForView, phoneGainOf } from '../sensors/view-calibration.ts';
import { browserClock, epochOf, type SessionClock } from '../session/clock.ts';
import { degreesBasis, withDegreesBasis } from '../session/degrees-basis.ts';
import type { RepSource, SourceWarning } from '../session/rep-source.ts';
import { createRunner, type Runner } from '../session/runner.ts';
import { createEffectHandler } from '../session/session-effects.ts';
import { sessionView } from '../session/session-view.ts';
import { createTrackingSpeech, type TrackingSpeech, trackingProblem } from '../session/tracking-problem.ts';
import { currentRegimen } from '../store/plan.ts';
import {
  type ActiveSession,
  loadActive,
  type SessionContext,
  saveActive,
  saveFinished,
} from '../store/sessions.ts';
import type { Calibration } from '../store/settings.ts';

/** What the voice says (and the screen shows) when the camera's tracking changes. */
const TRACKING_SPEECH: Record<Exclude<TrackingSpeech, null>, MessageKey> = {
  lost: 'session.trackingLost',
  fallback: 'session.trackingFallback',
  back: 'session.trackingBack',
};

const WARN_KEY: Record<SourceWarning, MessageKey> = {
  'leg-moved': 'session.warn.legMoved',
  'foot-lost': 'session.warn.footLost',
  shallow: 'session.warn.shallow',
  noisy: 'session.warn.noisy',
  uncounted: 'session.warn.uncounted',
  'moved-before-rest': 'session.warn.movedBeforeRest',
  'sensor-limit': 'session.warn.sensorLimit',
  'view-changed': 'session.warn.viewChanged',
  'wrong-side': 'session.warn.wrongSide',
};

/**
 * Warnings also said aloud and felt (the two pulses of "not counting"): those that ask the patient
 * to pump differently, as a patient watching the foot does not read the screen. Each comes once per
 * run of what it is about; the per-rep warnings (leg moved, shallow) stay on screen, or the voice
 * would talk over the next cue every rep.
 */
const SAID_ALOUD: ReadonlySet<SourceWarning> = new Set(['uncounted', 'moved-before-rest']);

/** Loads the movement checker for a method; timing only has none. */
/** The session's sensor, with the calibration its context settled on when it began (or null). */
async function sourceFor(
  method: Method,
  app: Parameters<ScreenFactory>[0],
  cal: Calibration | null,
): Promise<RepSource | null> {
  if (method === 'phone') return (await import('../sensors/phone-source.ts')).phoneRepSource(app, cal);
  if (method === 'camera') return (await import('../sensors/camera-source.ts')).cameraRepSource(app, cal);
  return null;
}

/** The session screen with the browser's clock. */
export const sessionScreen: ScreenFactory = (app, params) => sessionScreenWith(browserClock)(app, params);

/** The session screen under `clock`: the reducer, the ring, the record and sensor reps all read it. */
function sessionScreenWith(clock: SessionClock): ScreenFactory {
  return async (app, params) => {
    const { t } = app;
    const lang = app.settings.lang;
    let active: ActiveSession | null = null;
    // A reload or crash lands here with no flow in memory: the saved session carries on.
    if (params[0] === 'resume' || !app.flow.screening) active = await loadActive(app.db);
    if (!active) {
      if (!app.flow.screening) {
        app.go('screen');
        return { title: t('screen.title'), el: h('p', null, t('screen.intro')) };
      }
      const method = app.flow.method ?? 'timing';
      const regimen = await currentRegimen(app.settings, app.db);
      const context: SessionContext = {
        method,
        screening: app.flow.screening,
        // A camera calibration holds only for the camera it was made with (view-calibration.ts).
        calibration:
          method === 'timing'
            ? null
            : method === 'camera'
              ? calibrationForView(app.settings.calibration.camera, app.flow.camera)
              : (app.settings.calibration.phone ?? null),
      };
      const state = createSession({
        sessionId: crypto.randomUUID(),
        regimenId: regimen.id,
        regimenVersion: regimen.version,
        dose: regimen.dose,
        mode: method === 'timing' ? 'timing' : 'verified',
        painBefore: app.flow.screening.painNow,
      });
      active = { state, context };
      // The session takes the screening and the plan; the camera the wizard opened stays, for the
      // session to use (dropping it left it running unseen beside a second one: two cameras and
      // two pose workers, half the frame rate on a phone).
      // A camera left open by a wizard the patient turned away from is closed here.
      if (method !== 'camera') app.flow.camera?.stop();
      app.flow = method === 'camera' && app.flow.camera ? { camera: app.flow.camera } : {};
    }
    const context = active.context;
    const voice = createVoice(LANG_TAG[lang], app.settings.voice);
    const source = await sourceFor(context.method, app, context.calibration).catch(() => null);
    let runner: Runner | undefined;
    let finished = false;
    let trackingTimer = 0;

    const tempoStep = (factor: number) => {
      if (!runner) return;
      const next = Math.min(TEMPO_LIMITS.max, Math.max(TEMPO_LIMITS.min, runner.state.tempoFactor * factor));
      runner.dispatch({ type: 'tempo', factor: Math.round(next * 100) / 100 });
    };
    const cal = context.calibration;
    const view = sessionView({
      t,
      lang,
      clock,
      sourceView: source?.view ?? null,
      gauge: source ? { estimated: source.estimated, rangeDeg: cal ? [cal.downDeg, cal.upDeg] : null } : null,
      sourceFailed: context.method !== 'timing' && source === null,
      manualRep: context.method !== 'timing',
      on: {
        pause: () => {
          if (runner?.state.status === 'paused') runner.dispatch({ type: 'resume' });
          else if (runner?.state.status === 'running') runner.dispatch({ type: 'pause' });
        },
        slower: () => tempoStep(1.25),
        faster: () => tempoStep(0.8),
        manualRep: () => {
          const st = runner?.state;
          if (!st) return;
          const sides = st.active === 'both' ? (['left', 'right'] as const) : [st.active];
          for (const side of sides) runner?.dispatch({ type: 'manual-rep', side });
        },
        end: () => runner?.dispatch({ type: 'abort' }),
        // Pain: the session pauses on the press itself; the level asked next goes into the record.
        painPressed: () => {
          voice.cancel();
          if (runner?.state.status === 'running') runner.dispatch({ type: 'pause' });
        },
        painLevel: (level) => runner?.dispatch({ type: 'pain', level, sharp: true }),
      },
    });

    // When the camera's view first changed in this session (kept across a reload): the degrees
    // after it are from another view, and the record says so.
    let viewChangedAtMs: number | null = active.viewChangedAtMs ?? null;
    /** The session in progress as saved: the reducer's state, its set-up and the view change. */
    const saveNow = (state: ActiveSession['state']) =>
      saveActive(app.db, { state, context, viewChangedAtMs });
    const save = async (record: SessionRecord) => {
      if (finished) return;
      finished = true;
      const basis = degreesBasis(
        context.method,
        context.calibration !== null,
        viewChangedAtMs,
        context.calibration?.phone ? phoneGainOf(context.calibration) : null,
      );
      await saveFinished(app.db, {
        record: withDegreesBasis(record, basis),
        context,
        savedAtMs: clock.nowMs(),
      });
      app.go(`summary/${record.sessionId}`);
    };
    const handleEffects = createEffectHandler({
      view,
      method: context.method,
      t: (key) => t(key),
      speechText: (key, p) => exerciseText(lang, key, p as MessageParams),
      speak: (text) => voice.say(text),
      vibrate,
      save: (record) => void save(record),
    });
    const onEffects: typeof handleEffects = (effects, state) => {
      handleEffects(effects, state);
      if (state.active !== 'both') source?.setSide(state.active as Side);
    };

    const start = async () => {
      runner = createRunner(active.state, {
        clock,
        onEffects,
        persist: (state) => saveNow(state),
      });
      if (source) {
        await source.start({
          // The rep keeps the time of the frame or sample it ended on, on the session's clock.
          rep: (rep) =>
            runner?.dispatch({ type: 'sensor-rep', rep: { ...rep, tMs: epochOf(clock, rep.tMs) } }),
          angle: (a) => view.angle(a),
          warning: (code) => {
            view.warn(t(WARN_KEY[code]));
            if (SAID_ALOUD.has(code)) {
              voice.say(t(WARN_KEY[code]));
              vibrate([150, 80, 150]);
            }
            if (code === 'view-changed' && viewChangedAtMs === null && runner) {
              viewChangedAtMs = clock.nowMs();
              void saveNow(runner.state);
            }
          },
        });
      }
      const s = runner.state;
      if (s.status === 'ready') runner.dispatch({ type: 'start' });
      else if (s.status === 'running') {
        // Back after a reload or crash: hold still until the patient says go.
        runner.dispatch({ type: 'pause' });
      }
      view.render(runner.state);
      // Tracking quality, once a second while the session runs: said plainly when it cannot count.
      // A loss of the foot, or its return, is also said aloud (the same words as on screen).
      const quality = source?.quality?.bind(source);
      if (quality) {
        const speech = createTrackingSpeech();
        trackingTimer = window.setInterval(() => {
          const q = quality();
          if (!q || runner?.state.status !== 'running') return;
          const problem = trackingProblem(q);
          view.tracking(q, problem);
          const said = speech(problem, clock.nowMs());
          if (said) {
            const text = t(TRACKING_SPEECH[said]);
            view.say(text);
            voice.say(text);
            if (said === 'back') view.warn(text, 4000);
            // Felt as well as heard: two short pulses when counting stops, one when it is back.
            vibrate(said === 'back' ? [120] : [150, 80, 150]);
          }
        }, 1000);
      }
    };

    view.render(active.state);
    void start();
    return {
      title: t('session.title'),
      el: view.el,
      startAt: 'screen',
      dispose() {
        runner?.stop();
        source?.stop();
        voice.cancel();
        clearInterval(trackingTimer);
        view.dispose();
      },
    };
  };
}
