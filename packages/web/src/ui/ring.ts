// A countdown ring for holds: the arc empties as the hold runs out, with the seconds left as
// text in the middle (the ring alone would not reach people who cannot see it).
import { s } from '../app/dom.ts';

export interface Ring {
  readonly el: SVGElement;
  /** Shows `leftMs` of `totalMs`; total 0 hides the ring's arc. */
  set(leftMs: number, totalMs: number): void;
}

const R = 44;
const C = 2 * Math.PI * R;

export function countdownRing(): Ring {
  const arc = s('circle', {
    cx: 50,
    cy: 50,
    r: R,
    fill: 'none',
    stroke: '#0b5394',
    'stroke-width': 10,
    'stroke-dasharray': C.toFixed(2),
    'stroke-dashoffset': 0,
    transform: 'rotate(-90 50 50)',
  });
  const text = s('text', { x: 50, y: 60, 'text-anchor': 'middle', 'font-size': 30, fill: '#111' });
  const el = s(
    'svg',
    { viewBox: '0 0 100 100', class: 'ring', 'aria-hidden': 'true' },
    s('circle', { cx: 50, cy: 50, r: R, fill: 'none', stroke: '#dde5ee', 'stroke-width': 10 }),
    arc,
    text,
  );
  return {
    el,
    set(leftMs, totalMs) {
      const f = totalMs > 0 ? Math.max(0, Math.min(1, leftMs / totalMs)) : 0;
      arc.setAttribute('stroke-dashoffset', (C * (1 - f)).toFixed(2));
      text.textContent = totalMs > 0 && leftMs > 0 ? String(Math.ceil(leftMs / 1000)) : '';
    },
  };
}
