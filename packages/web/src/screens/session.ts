// The guided session: the reducer's cues as large text, voice and vibration; counters per foot
// and set; a countdown ring for holds; a live angle gauge and warnings when a sensor checks the
// movement; pause, tempo and a pain button that stops at once. Every change is saved locally.
import {
  type CueId,
  createSession,
  type SessionEffect,
  type SessionState,
  type Side,
  TEMPO_LIMITS,
} from '@anklepump/exercise';
import type { Method, ScreenFactory } from '../app/app.ts';
import { h } from '../app/dom.ts';
import { createVoice, vibrate } from '../cues/voice.ts';
import { exerciseText } from '../i18n/exercise-messages.ts';
import { LANG_TAG } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/messages-en.ts';
import type { RepSource, SourceWarning } from '../session/rep-source.ts';
import { createRunner, type Runner } from '../session/runner.ts';
import { currentRegimen } from '../store/plan.ts';
import {
  type ActiveSession,
  loadActive,
  type SessionContext,
  saveActive,
  saveFinished,
} from '../store/sessions.ts';
import { angleGauge } from '../ui/gauge.ts';
import { painStop } from '../ui/pain-stop.ts';
import { countdownRing } from '../ui/ring.ts';

const CUE_KEY: Record<CueId, MessageKey> = {
  relax: 'session.cue.relax',
  'point-toes': 'session.cue.down',
  'hold-down': 'session.cue.holdDown',
  'pull-up': 'session.cue.up',
  'hold-up': 'session.cue.holdUp',
  'switch-foot': 'session.cue.switch',
  rest: 'session.cue.rest',
};
const WARN_KEY: Record<SourceWarning, MessageKey> = {
  'leg-moved': 'session.warn.legMoved',
  'foot-lost': 'session.warn.footLost',
  shallow: 'session.warn.shallow',
};

/** Loads the movement checker for a method; timing only has none. */
async function sourceFor(method: Method, app: Parameters<ScreenFactory>[0]): Promise<RepSource | null> {
  if (method === 'phone') return (await import('../sensors/phone-source.ts')).phoneRepSource(app);
  if (method === 'camera') return (await import('../sensors/camera-source.ts')).cameraRepSource(app);
  return null;
}

export const sessionScreen: ScreenFactory = async (app, params) => {
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
      calibration: method === 'timing' ? null : (app.settings.calibration[method] ?? null),
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
    app.flow = {};
  }
  const context = active.context;
  const voice = createVoice(LANG_TAG[lang], app.settings.voice);
  const source = await sourceFor(context.method, app).catch(() => null);
  const sourceFailed = context.method !== 'timing' && source === null;

  // --- view
  const ring = countdownRing();
  const instruction = h('p', { class: 'instruction', id: 'instruction' });
  const spoken = h('p', { class: 'spoken', role: 'status', 'aria-live': 'polite' });
  const footLabel = h('p', { class: 'foot-label', id: 'foot-label' });
  const setLabel = h('p', { class: 'set-label', id: 'set-label' });
  const counters = {
    left: h('span', { class: 'count', id: 'count-left' }),
    right: h('span', { class: 'count', id: 'count-right' }),
  };
  const warnings = h('p', { class: 'warning', role: 'alert', id: 'warning' });
  const estimated = source?.estimated ? t('session.angleEstimate') : null;
  const gauge = source ? angleGauge(t('session.angle'), estimated) : null;
  const cal = context.calibration;
  if (gauge && cal) gauge.setRange(cal.downDeg, cal.upDeg);
  const pauseBtn = h('button', { type: 'button', id: 'pause' });
  const tempoLabel = h('span', { id: 'tempo' });
  let runner: Runner | undefined;
  let ringTotalMs = 0;
  let ringEndsAtMs = 0;
  let raf = 0;
  let finished = false;

  const renderState = (state: SessionState) => {
    const dose = state.config.dose;
    const sideName = state.active === 'both' ? '' : t(`session.foot.${state.active}`);
    footLabel.textContent = sideName;
    setLabel.textContent = t('session.set', { n: Math.min(state.setIndex + 1, dose.sets), total: dose.sets });
    for (const side of ['left', 'right'] as const) {
      counters[side].textContent = `${t(`session.foot.${side}`)}: ${t('session.rep', {
        n: state.setReps[side],
        total: dose.repsPerFoot,
      })}`;
    }
    pauseBtn.textContent = state.status === 'paused' ? t('session.resume') : t('session.pause');
    tempoLabel.textContent = t('session.tempo', { pct: Math.round(state.tempoFactor * 100) });
    if (state.phase) instruction.textContent = t(CUE_KEY[state.phase]);
    if (state.active !== 'both') source?.setSide(state.active as Side);
  };

  const drawRing = () => {
    const left = ringEndsAtMs - Date.now();
    ring.set(Math.max(0, left), ringTotalMs);
    raf = requestAnimationFrame(drawRing);
  };

  const finish = async (state: SessionState, record: NonNullable<SessionState['record']>) => {
    if (finished) return;
    finished = true;
    await saveFinished(app.db, { record, context, savedAtMs: Date.now() });
    app.go(`summary/${record.sessionId}`);
    void state;
  };

  let warningTimer = 0;
  /** Shows a warning for a few seconds: an old warning left on screen would read as a new one. */
  const showWarning = (text: string, ms = 5000) => {
    warnings.textContent = text;
    clearTimeout(warningTimer);
    warningTimer = window.setTimeout(() => {
      warnings.textContent = '';
    }, ms);
  };

  const onEffects = (effects: readonly SessionEffect[], state: SessionState) => {
    for (const e of effects) {
      switch (e.type) {
        case 'cue':
          instruction.textContent = t(CUE_KEY[e.cue]);
          // A side view sees one leg: the other foot needs the camera on its side.
          if (e.cue === 'switch-foot' && context.method === 'camera')
            showWarning(t('session.camera.switch'), 8000);
          ringTotalMs = e.cue === 'hold-down' || e.cue === 'hold-up' || e.cue === 'rest' ? e.durationMs : 0;
          ringEndsAtMs = e.endsAtMs;
          break;
        case 'countdown':
          ringTotalMs = e.seconds * 1000;
          ringEndsAtMs = e.endsAtMs;
          break;
        case 'speak': {
          const text = exerciseText(lang, e.key, e.params);
          spoken.textContent = text;
          voice.say(text);
          break;
        }
        case 'vibrate':
          vibrate(e.patternMs);
          break;
        case 'rep-counted':
          if (!e.full) showWarning(t('session.warn.shallow'));
          break;
        case 'set-complete':
        case 'session-complete':
        case 'stop':
          break;
        case 'save-record':
          void finish(state, e.record);
          break;
      }
    }
    renderState(state);
    ring.set(Math.max(0, ringEndsAtMs - Date.now()), ringTotalMs);
  };

  const start = async () => {
    runner = createRunner(active.state, {
      onEffects,
      persist: (state) => saveActive(app.db, { state, context }),
    });
    if (source) {
      await source.start({
        rep: (rep) => runner?.dispatch({ type: 'sensor-rep', rep: { ...rep, tMs: Date.now() } }),
        angle: (a) => gauge?.set(a),
        warning: (code) => showWarning(t(WARN_KEY[code])),
      });
    }
    const s = runner.state;
    if (s.status === 'ready') runner.dispatch({ type: 'start' });
    else if (s.status === 'running') {
      // Back after a reload or crash: hold still until the patient says go.
      runner.dispatch({ type: 'pause' });
    }
    renderState(runner.state);
    raf = requestAnimationFrame(drawRing);
  };

  pauseBtn.addEventListener('click', () => {
    if (!runner) return;
    if (runner.state.status === 'paused') runner.dispatch({ type: 'resume' });
    else if (runner.state.status === 'running') runner.dispatch({ type: 'pause' });
  });
  const tempoStep = (factor: number) => {
    if (!runner) return;
    const next = Math.min(TEMPO_LIMITS.max, Math.max(TEMPO_LIMITS.min, runner.state.tempoFactor * factor));
    runner.dispatch({ type: 'tempo', factor: Math.round(next * 100) / 100 });
  };

  // Pain: the session pauses on the press itself; the level asked next goes into the record.
  const pain = painStop(t, {
    onPress: () => {
      voice.cancel();
      if (runner?.state.status === 'running') runner.dispatch({ type: 'pause' });
    },
    onLevel: (level) => runner?.dispatch({ type: 'pain', level, sharp: true }),
  });

  const el = h(
    'section',
    { class: 'session' },
    h('h1', { class: 'visually-hidden' }, t('session.title')),
    h('div', { class: 'session-top' }, footLabel, setLabel),
    source?.view ?? null,
    h('div', { class: 'cue-row' }, ring.el, instruction),
    spoken,
    h('p', { class: 'counters' }, counters.left, counters.right),
    gauge?.el ?? null,
    warnings,
    sourceFailed ? h('p', { class: 'note', id: 'source-failed' }, t('session.sourceFailed')) : null,
    h(
      'div',
      { class: 'controls' },
      pauseBtn,
      h('button', { type: 'button', id: 'slower', onclick: () => tempoStep(1.25) }, t('session.slower')),
      h('button', { type: 'button', id: 'faster', onclick: () => tempoStep(0.8) }, t('session.faster')),
      // When the sensor misses a rep (or could not start), the patient can count it; the record
      // keeps such reps apart as confirmed by hand.
      context.method === 'timing'
        ? null
        : h(
            'button',
            {
              type: 'button',
              id: 'manual-rep',
              onclick: () => {
                const st = runner?.state;
                if (!st) return;
                const sides = st.active === 'both' ? (['left', 'right'] as const) : [st.active];
                for (const side of sides) runner?.dispatch({ type: 'manual-rep', side });
              },
            },
            t('session.manualRep'),
          ),
      tempoLabel,
      h(
        'button',
        {
          type: 'button',
          id: 'end',
          class: 'secondary',
          onclick: () => runner?.dispatch({ type: 'abort' }),
        },
        t('session.stop'),
      ),
    ),
    pain.button,
    pain.dialog,
  );
  renderState(active.state);
  void start();
  return {
    title: t('session.title'),
    el,
    dispose() {
      runner?.stop();
      source?.stop();
      voice.cancel();
      cancelAnimationFrame(raf);
      clearTimeout(warningTimer);
    },
  };
};
