// An animated side-view drawing of a lower leg doing ankle pumps, with a visible caption for
// each phase (for people who cannot hear the spoken cues) and a pause button. It starts paused
// when the person asks the system for reduced motion.
import { h, s } from '../app/dom.ts';
import type { Translate } from '../i18n/i18n.ts';

export type DemoPhase = 'relax' | 'down' | 'up';

/** Foot angle of each position (deg, dorsiflexion positive, 0 = foot at a right angle to the shin). */
export const DEMO_ANGLE_DEG: Readonly<Record<DemoPhase, number>> = { relax: -15, down: -45, up: 20 };

/**
 * One cycle: each phase moves to its position, then holds it, until `untilS`. The caption names a
 * phase from the moment its movement starts, and the movement starts fast (ease-out), so the
 * words and the drawing change together.
 */
const CYCLE: readonly { key: DemoPhase; moveS: number; untilS: number }[] = [
  { key: 'relax', moveS: 0, untilS: 1.5 },
  { key: 'down', moveS: 0.8, untilS: 3.8 },
  { key: 'up', moveS: 1.0, untilS: 6.0 },
  { key: 'relax', moveS: 0.8, untilS: 6.8 },
];
export const DEMO_CYCLE_S = CYCLE[CYCLE.length - 1]!.untilS;

/** Foot angle (deg) and phase at time `tS` into the loop. */
export function demoPose(tS: number): { angleDeg: number; key: DemoPhase } {
  const t = ((tS % DEMO_CYCLE_S) + DEMO_CYCLE_S) % DEMO_CYCLE_S;
  let fromS = 0;
  let fromDeg = DEMO_ANGLE_DEG.relax;
  for (const step of CYCLE) {
    const toDeg = DEMO_ANGLE_DEG[step.key];
    if (t < step.untilS) {
      const f = step.moveS === 0 ? 1 : Math.min(1, (t - fromS) / step.moveS);
      const ease = 1 - (1 - f) ** 3;
      return { angleDeg: fromDeg + (toDeg - fromDeg) * ease, key: step.key };
    }
    fromS = step.untilS;
    fromDeg = toDeg;
  }
  return { angleDeg: DEMO_ANGLE_DEG.relax, key: 'relax' };
}

/** The ankle's pivot in the drawing's coordinates. */
const PIVOT = { x: 236, y: 118 };
const INK = '#5a3b24';
const SKIN = '#f2c6a0';
const WORK = '#c0392b';
const ARROW = '#0b5394';
/**
 * The foot as if standing (x toward the toes, y toward the sole, the ankle's pivot at 0,0): heel
 * behind and below the ankle, a raised arch, the ball, the toes. `FOOT_PLACE` turns it to lie at
 * the end of a straight leg, toes up, and scales it to the leg.
 */
const FOOT_D =
  'M14 -16 C22 -2 46 8 72 18 C88 24 100 28 108 31 C117 34 118 44 109 46 ' +
  'C90 49 70 50 50 47 C36 45 22 41 10 45 C-2 50 -26 52 -32 38 C-36 26 -30 8 -22 -6 Z';
/** The toes' crease and a toenail: the end of the foot reads as toes. */
const TOES_D = 'M95 27 C98 33 99 40 97 47 M104 31 C108 32 111 35 111 38';
const FOOT_PLACE = `translate(${PIVOT.x} ${PIVOT.y}) rotate(-90) scale(0.85)`;
/** The lower leg from the knee (left edge) to the ankle, the calf underneath, lying on a bed. */
const LEG_D =
  'M0 84 L224 100 C238 100 248 110 247 122 C246 134 238 139 226 140 ' +
  'C190 142 150 146 110 152 C80 157 40 155 0 150 Z';
/** Where the toes point at foot angle 0, as a screen angle about the pivot (deg, clockwise). */
const TOE_SCREEN_DEG = (Math.atan2(-95, 34) * 180) / Math.PI;

/** A curved arrow about the ankle from one foot angle to another, beyond the toes. */
function arcArrow(fromFootDeg: number, toFootDeg: number, radius: number): SVGElement {
  const a0 = TOE_SCREEN_DEG - fromFootDeg;
  const a1 = TOE_SCREEN_DEG - toFootDeg;
  const at = (deg: number, r = radius) => {
    const rad = (deg * Math.PI) / 180;
    return [PIVOT.x + r * Math.cos(rad), PIVOT.y + r * Math.sin(rad)] as const;
  };
  const [x0, y0] = at(a0);
  const [x1, y1] = at(a1);
  const cw = a1 > a0;
  // The head: a triangle along the arc's direction at its end.
  const rad = (a1 * Math.PI) / 180;
  const dir = cw ? 1 : -1;
  const tx = -Math.sin(rad) * dir;
  const ty = Math.cos(rad) * dir;
  const nx = Math.cos(rad);
  const ny = Math.sin(rad);
  const pt = (x: number, y: number) => `${x.toFixed(1)} ${y.toFixed(1)}`;
  const head =
    `M${pt(x1 + 12 * tx, y1 + 12 * ty)} L${pt(x1 - 3 * tx + 9 * nx, y1 - 3 * ty + 9 * ny)} ` +
    `L${pt(x1 - 3 * tx - 9 * nx, y1 - 3 * ty - 9 * ny)} Z`;
  return s(
    'g',
    { visibility: 'hidden' },
    s('path', {
      d: `M${pt(x0, y0)} A${radius} ${radius} 0 0 ${cw ? 1 : 0} ${pt(x1, y1)}`,
      fill: 'none',
      stroke: ARROW,
      'stroke-width': 5,
      'stroke-linecap': 'round',
    }),
    s('path', { d: head, fill: ARROW }),
  );
}

/** Draws the leg; `setPose` turns the foot (deg, dorsiflexion positive) about the ankle. */
export function legDrawing(label: string): {
  svg: SVGElement;
  setPose(angleDeg: number, phase: DemoPhase): void;
} {
  const rotate = (deg: number) => `rotate(${(-deg).toFixed(1)} ${PIVOT.x} ${PIVOT.y})`;
  const foot = s(
    'g',
    { transform: rotate(DEMO_ANGLE_DEG.relax), class: 'demo-foot' },
    s(
      'g',
      { transform: FOOT_PLACE },
      s('path', { d: FOOT_D, fill: SKIN, stroke: INK, 'stroke-width': 3.5, 'stroke-linejoin': 'round' }),
      s('path', { d: TOES_D, fill: 'none', stroke: INK, 'stroke-width': 2.5, 'stroke-linecap': 'round' }),
    ),
  );
  // The resting position stays faintly in view, so "down" and "up" are seen against it.
  const ghost = s(
    'g',
    { transform: rotate(DEMO_ANGLE_DEG.relax) },
    s('path', {
      d: FOOT_D,
      transform: FOOT_PLACE,
      fill: 'none',
      stroke: '#6b7a8c',
      'stroke-width': 2.5,
      'stroke-dasharray': '7 6',
    }),
  );
  // The muscles that work: the calf when the toes point down, the front of the shin when they pull up.
  const calf = s('ellipse', {
    cx: 118,
    cy: 138,
    rx: 78,
    ry: 10,
    fill: WORK,
    opacity: 0.45,
    visibility: 'hidden',
  });
  const shin = s('ellipse', {
    cx: 160,
    cy: 102,
    rx: 58,
    ry: 5,
    fill: WORK,
    opacity: 0.45,
    visibility: 'hidden',
  });
  const downArrow = arcArrow(DEMO_ANGLE_DEG.relax - 4, DEMO_ANGLE_DEG.down + 6, 122);
  const upArrow = arcArrow(DEMO_ANGLE_DEG.relax + 4, DEMO_ANGLE_DEG.up - 6, 112);
  const svg = s(
    'svg',
    { viewBox: '0 -16 360 182', role: 'img', 'aria-label': label, class: 'leg-drawing' },
    s('rect', { x: 0, y: 152, width: 360, height: 12, rx: 4, fill: '#c9d6e3' }),
    ghost,
    foot,
    s('path', { d: LEG_D, fill: SKIN, stroke: INK, 'stroke-width': 3.5, 'stroke-linejoin': 'round' }),
    calf,
    shin,
    // The ankle bone, and the pivot the foot turns about.
    s('circle', { cx: PIVOT.x, cy: PIVOT.y, r: 8, fill: '#e5ab7f', stroke: INK, 'stroke-width': 2 }),
    s('circle', { cx: PIVOT.x, cy: PIVOT.y, r: 2.5, fill: INK }),
    downArrow,
    upArrow,
  );
  return {
    svg,
    setPose(angleDeg, phase) {
      foot.setAttribute('transform', rotate(angleDeg));
      svg.setAttribute('data-angle-deg', angleDeg.toFixed(1));
      svg.setAttribute('data-phase', phase);
      const show = (el: SVGElement, on: boolean) => el.setAttribute('visibility', on ? 'visible' : 'hidden');
      show(downArrow, phase === 'down');
      show(calf, phase === 'down');
      show(upArrow, phase === 'up');
      show(shin, phase === 'up');
    },
  };
}

/** The looping demonstration with caption and pause control; call `stop` when leaving. */
export function ankleDemo(t: Translate): { el: HTMLElement; stop(): void } {
  const drawing = legDrawing(t('learn.demo.label'));
  const caption = h('p', { class: 'demo-caption', id: 'demo-caption' }, t('learn.demo.relax'));
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  let playing = !reduce;
  let raf = 0;
  // Under reduced motion it waits, paused, on "toes down", the first movement to learn.
  let elapsedS = reduce ? 2.5 : 0;
  let lastMs: number | undefined;
  const button = h('button', { type: 'button', class: 'secondary', id: 'demo-toggle' });
  const labelButton = () => {
    button.textContent = playing ? t('learn.demo.pause') : t('learn.demo.play');
    button.setAttribute('aria-pressed', String(!playing));
  };
  const draw = () => {
    const pose = demoPose(elapsedS);
    drawing.setPose(pose.angleDeg, pose.key);
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
