// What the patient sees during a session: the big instruction, the countdown ring, counters per
// foot and set, the live angle gauge, warnings, the controls and the pain stop. Only drawing
// lives here; the screen wires the buttons to the runner and the effect handler calls `cue`,
// `countdown`, `say` and `warn`.
import { CUE_LABEL, type CueId, type SessionState } from '@anklepump/exercise';
import { h } from '../app/dom.ts';
import { exerciseText } from '../i18n/exercise-messages.ts';
import type { Lang, Translate } from '../i18n/i18n.ts';
import { angleGauge } from '../ui/gauge.ts';
import { painStop } from '../ui/pain-stop.ts';
import { countdownRing } from '../ui/ring.ts';
import type { SessionClock } from './clock.ts';
import type { TrackingQuality } from './rep-source.ts';
import type { TrackingProblem } from './tracking-problem.ts';

export interface SessionViewOptions {
  readonly t: Translate;
  readonly lang: Lang;
  readonly clock: Pick<SessionClock, 'nowMs'>;
  /** The sensor's video (camera), shown above the cue. */
  readonly sourceView: HTMLElement | null;
  /** A gauge is shown when a sensor measures the angle; `estimated` labels camera degrees. */
  readonly gauge: { readonly estimated: boolean; readonly rangeDeg: readonly [number, number] | null } | null;
  readonly sourceFailed: boolean;
  /** Whether "I did one" is offered (a sensor could miss a rep). */
  readonly manualRep: boolean;
  readonly on: {
    pause(): void;
    slower(): void;
    faster(): void;
    manualRep(): void;
    end(): void;
    painPressed(): void;
    painLevel(level: number): void;
  };
}

export interface SessionView {
  readonly el: HTMLElement;
  /** Redraws counters, labels, tempo and the pause button from the state. */
  render(state: SessionState): void;
  /** Shows a cue's instruction; `holdMs` > 0 runs the ring toward `endsAtMs`. */
  cue(cue: CueId, holdMs: number, endsAtMs: number): void;
  countdown(totalMs: number, endsAtMs: number): void;
  /** Shows a spoken sentence as text (voice is paired with text). */
  say(text: string): void;
  /** Shows a warning for a few seconds: an old warning left on screen would read as a new one. */
  warn(text: string, ms?: number): void;
  angle(angleDeg: number | null): void;
  /** Shows how well the sensor follows the foot; `problem` says why counting cannot be trusted now. */
  tracking(q: TrackingQuality, problem: TrackingProblem | null): void;
  dispose(): void;
}

export function sessionView(o: SessionViewOptions): SessionView {
  const { t } = o;
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
  const trackingLine = h('p', { class: 'tracking', id: 'tracking' });
  const trackingWarning = h('p', { class: 'warning', role: 'alert', id: 'tracking-warning' });
  const gauge = o.gauge
    ? angleGauge(t('session.angle'), o.gauge.estimated ? t('session.angleEstimate') : null, {
        down: (deg) => t('session.angleDown', { deg }),
        up: (deg) => t('session.angleUp', { deg }),
      })
    : null;
  if (gauge && o.gauge?.rangeDeg) gauge.setRange(o.gauge.rangeDeg[0], o.gauge.rangeDeg[1]);
  const pauseBtn = h('button', { type: 'button', id: 'pause', onclick: o.on.pause });
  const tempoLabel = h('span', { id: 'tempo' });
  const pain = painStop(t, { onPress: o.on.painPressed, onLevel: o.on.painLevel });
  let ringTotalMs = 0;
  let ringEndsAtMs = 0;
  let warningTimer = 0;
  let raf = 0;

  const drawRing = () => ring.set(Math.max(0, ringEndsAtMs - o.clock.nowMs()), ringTotalMs);
  const frame = () => {
    drawRing();
    raf = requestAnimationFrame(frame);
  };
  raf = requestAnimationFrame(frame);

  const el = h(
    'section',
    { class: 'session' },
    h('h1', { class: 'visually-hidden' }, t('session.title')),
    h('div', { class: 'session-top' }, footLabel, setLabel),
    o.sourceView,
    // The cue, counters, gauge and controls: beside the video on a wide screen (styles.css).
    h(
      'div',
      { class: 'session-main' },
      h('div', { class: 'cue-row' }, ring.el, instruction),
      spoken,
      // Warnings under the cue, above the counters: on a phone lower down they sat under the
      // floating pain button, seen only by scrolling.
      warnings,
      h('p', { class: 'counters' }, counters.left, counters.right),
      gauge?.el ?? null,
      o.sourceFailed ? h('p', { class: 'note', id: 'source-failed' }, t('session.sourceFailed')) : null,
      h(
        'div',
        { class: 'controls' },
        pauseBtn,
        h('button', { type: 'button', id: 'slower', onclick: o.on.slower }, t('session.slower')),
        h('button', { type: 'button', id: 'faster', onclick: o.on.faster }, t('session.faster')),
        // When the sensor misses a rep (or could not start), the patient can count it; the record
        // keeps such reps apart as confirmed by hand.
        o.manualRep
          ? h('button', { type: 'button', id: 'manual-rep', onclick: o.on.manualRep }, t('session.manualRep'))
          : null,
        tempoLabel,
        h('button', { type: 'button', id: 'end', class: 'secondary', onclick: o.on.end }, t('session.stop')),
      ),
      pain.button,
    ),
    // About the camera: under its picture on a wide screen, under the controls on a phone (where
    // a change is also shown for a while above the counters).
    h('div', { class: 'tracking-box' }, trackingLine, trackingWarning),
    pain.dialog,
  );

  const label = (cue: CueId) => exerciseText(o.lang, CUE_LABEL[cue]);
  const warn = (text: string, ms = 5000) => {
    warnings.textContent = text;
    clearTimeout(warningTimer);
    warningTimer = window.setTimeout(() => {
      warnings.textContent = '';
    }, ms);
  };
  return {
    el,
    render(state) {
      const dose = state.config.dose;
      footLabel.textContent = state.active === 'both' ? '' : t(`session.foot.${state.active}`);
      setLabel.textContent = t('session.set', {
        n: Math.min(state.setIndex + 1, dose.sets),
        total: dose.sets,
      });
      for (const side of ['left', 'right'] as const) {
        counters[side].textContent = `${t(`session.foot.${side}`)}: ${t('session.rep', {
          n: state.setReps[side],
          total: dose.repsPerFoot,
        })}`;
      }
      pauseBtn.textContent = state.status === 'paused' ? t('session.resume') : t('session.pause');
      tempoLabel.textContent = t('session.tempo', { pct: Math.round(state.tempoFactor * 100) });
      if (state.phase) instruction.textContent = label(state.phase);
      drawRing();
    },
    cue(cue, holdMs, endsAtMs) {
      instruction.textContent = label(cue);
      ringTotalMs = holdMs;
      ringEndsAtMs = endsAtMs;
    },
    countdown(totalMs, endsAtMs) {
      ringTotalMs = totalMs;
      ringEndsAtMs = endsAtMs;
    },
    say(text) {
      spoken.textContent = text;
    },
    warn,
    angle(a) {
      gauge?.set(a);
    },
    tracking(q, problem) {
      const fps = q.fps.toFixed(1);
      trackingLine.textContent = t('session.tracking', { fps, seen: Math.round(q.seenShare * 100) });
      const text =
        problem === 'slow'
          ? t('session.trackingSlow', { fps })
          : problem === 'lost'
            ? t('session.trackingLost')
            : problem === 'fallback'
              ? t('session.trackingFallback')
              : '';
      // The gauge's degrees are the pose model's rough ones while the foot's pixels are lost.
      gauge?.el.classList.toggle('rough', problem === 'fallback');
      // Only a change is written, so a screen reader hears the alert once, not every second.
      if (problem === null) trackingWarning.textContent = '';
      else if (trackingWarning.dataset.problem !== problem) {
        trackingWarning.textContent = text;
        // On a phone the tracking box is below the controls: show the change above the counters too.
        if (!matchMedia('(min-width: 64rem)').matches) warn(text, 8000);
      }
      trackingWarning.dataset.problem = problem ?? '';
    },
    dispose() {
      cancelAnimationFrame(raf);
      clearTimeout(warningTimer);
    },
  };
}
