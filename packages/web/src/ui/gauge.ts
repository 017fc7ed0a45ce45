// A live ankle-angle gauge: a horizontal bar from the person's toes-down end to their toes-up
// end, with a marker at the current angle. Degrees are labelled as estimates where they are.
import { h } from '../app/dom.ts';

export interface Gauge {
  readonly el: HTMLElement;
  /** Moves the marker; null hides it (no reliable angle now). */
  set(angleDeg: number | null): void;
  setRange(downDeg: number, upDeg: number): void;
}

export function angleGauge(label: string, estimateNote: string | null): Gauge {
  const marker = h('div', { class: 'gauge-marker' });
  const value = h('span', { class: 'gauge-value' }, '–');
  const bar = h('div', { class: 'gauge-bar' }, marker);
  let lo = -40;
  let hi = 20;
  const el = h(
    'div',
    { class: 'gauge' },
    h('div', { class: 'gauge-label' }, label, ': ', value, estimateNote ? ` (${estimateNote})` : ''),
    bar,
  );
  return {
    el,
    set(angleDeg) {
      if (angleDeg === null || !Number.isFinite(angleDeg)) {
        marker.hidden = true;
        value.textContent = '–';
        return;
      }
      marker.hidden = false;
      const f = Math.max(0, Math.min(1, (angleDeg - lo) / (hi - lo || 1)));
      marker.style.left = `${(f * 100).toFixed(1)}%`;
      value.textContent = `${Math.round(angleDeg)}°`;
    },
    setRange(downDeg, upDeg) {
      lo = Math.min(downDeg, upDeg) - 5;
      hi = Math.max(downDeg, upDeg) + 5;
    },
  };
}
