// A live ankle-angle gauge: a horizontal bar from the person's toes-down end to their toes-up
// end, with a marker at the current angle. Degrees are labelled as estimates where they are, and read
// as a size and a direction ("12° toes down"), not a signed number.
import { h } from '../app/dom.ts';

export interface Gauge {
  readonly el: HTMLElement;
  /** Moves the marker; null hides it (no reliable angle now). */
  set(angleDeg: number | null): void;
  setRange(downDeg: number, upDeg: number): void;
}

/** How an angle reads: degrees with the direction in words, never a sign the patient must decode. */
export interface AngleWords {
  readonly down: (deg: number) => string;
  readonly up: (deg: number) => string;
}

/** The gauge's text for `angleDeg`: "0°" at neutral, else its size and direction (toes down < 0). */
export function angleText(angleDeg: number, words: AngleWords): string {
  const deg = Math.round(Math.abs(angleDeg));
  if (deg === 0) return '0°';
  return angleDeg < 0 ? words.down(deg) : words.up(deg);
}

export function angleGauge(label: string, estimateNote: string | null, words: AngleWords): Gauge {
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
      value.textContent = angleText(angleDeg, words);
    },
    setRange(downDeg, upDeg) {
      lo = Math.min(downDeg, upDeg) - 5;
      hi = Math.max(downDeg, upDeg) + 5;
    },
  };
}
