// An animated side-view drawing of a lower leg doing ankle pumps, with a visible caption for
// each phase (for people who cannot hear the spoken cues) and a pause button. It starts paused
// when the person asks the system for reduced motion.
import { h, s } from '../app/dom.ts';
import type { Translate } from '../i18n/i18n.ts';

/** One cycle of the demonstration: [phase, start s, end s, foot angle at end (deg, dorsiflexion +)]. */
const CYCLE: readonly { key: 'relax' | 'down' | 'up'; untilS: number; angleDeg: number }[] = [
  { key: 'relax', untilS: 1.2, angleDeg: 0 },
  { key: 'down', untilS: 2.0, angleDeg: -40 },
  { key: 'down', untilS: 3.6, angleDeg: -40 },
  { key: 'up', untilS: 4.6, angleDeg: 18 },
  { key: 'up', untilS: 5.8, angleDeg: 18 },
  { key: 'relax', untilS: 6.6, angleDeg: 0 },
];
const CYCLE_S = CYCLE[CYCLE.length - 1]!.untilS;

/** Foot angle (deg) and phase at time `tS` into the loop; eases between key poses. */
export function demoPose(tS: number): { angleDeg: number; key: 'relax' | 'down' | 'up' } {
  const t = ((tS % CYCLE_S) + CYCLE_S) % CYCLE_S;
  let fromS = 0;
  let fromDeg = 0;
  for (const step of CYCLE) {
    if (t < step.untilS) {
      const f = (t - fromS) / (step.untilS - fromS);
      const ease = f < 0.5 ? 2 * f * f : 1 - (-2 * f + 2) ** 2 / 2;
      return { angleDeg: fromDeg + (step.angleDeg - fromDeg) * ease, key: step.key };
    }
    fromS = step.untilS;
    fromDeg = step.angleDeg;
  }
  return { angleDeg: 0, key: 'relax' };
}

/** Draws the leg; `setAngle` turns the foot (deg, dorsiflexion positive) about the ankle. */
export function legDrawing(label: string): { svg: SVGElement; setAngle(angleDeg: number): void } {
  const foot = s(
    'g',
    { transform: 'rotate(0 240 120)' },
    s('path', {
      d: 'M232 112 C228 90 230 60 238 32 C242 22 256 22 258 34 C262 60 262 96 262 128 C258 142 238 142 232 128 Z',
      fill: '#f2c6a0',
      stroke: '#5a3b24',
      'stroke-width': 3,
    }),
  );
  const svg = s(
    'svg',
    { viewBox: '0 0 320 180', role: 'img', 'aria-label': label, class: 'leg-drawing' },
    s('rect', { x: 0, y: 150, width: 320, height: 10, fill: '#c9d6e3' }),
    s('path', {
      d: 'M0 98 L236 104 C248 106 250 136 236 138 L0 146 Z',
      fill: '#f2c6a0',
      stroke: '#5a3b24',
      'stroke-width': 3,
    }),
    foot,
    s('circle', { cx: 240, cy: 120, r: 4, fill: '#5a3b24' }),
  );
  return {
    svg,
    setAngle(angleDeg) {
      foot.setAttribute('transform', `rotate(${(-angleDeg).toFixed(1)} 240 120)`);
    },
  };
}

/** The looping demonstration with caption and pause control; call `stop` when leaving. */
export function ankleDemo(t: Translate): { el: HTMLElement; stop(): void } {
  const drawing = legDrawing(t('learn.demo.label'));
  const caption = h('p', { class: 'demo-caption' }, t('learn.demo.relax'));
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  let playing = !reduce;
  let raf = 0;
  let elapsedS = reduce ? 2.5 : 0;
  let lastMs: number | undefined;
  const button = h('button', { type: 'button', class: 'secondary' });
  const labelButton = () => {
    button.textContent = playing ? t('learn.demo.pause') : t('learn.demo.play');
    button.setAttribute('aria-pressed', String(!playing));
  };
  const draw = () => {
    const pose = demoPose(elapsedS);
    drawing.setAngle(pose.angleDeg);
    const text = t(`learn.demo.${pose.key}`);
    if (caption.textContent !== text) caption.textContent = text;
  };
  const frame = (ms: number) => {
    if (lastMs !== undefined) elapsedS += (ms - lastMs) / 1000;
    lastMs = ms;
    draw();
    if (playing) raf = requestAnimationFrame(frame);
  };
  button.addEventListener('click', () => {
    playing = !playing;
    lastMs = undefined;
    labelButton();
    if (playing) raf = requestAnimationFrame(frame);
    else cancelAnimationFrame(raf);
  });
  labelButton();
  draw();
  if (playing) raf = requestAnimationFrame(frame);
  const el = h('figure', { class: 'demo' }, drawing.svg, h('figcaption', null, caption), button);
  return { el, stop: () => cancelAnimationFrame(raf) };
}
