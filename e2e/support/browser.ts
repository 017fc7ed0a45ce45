// Debian's Chromium driven by playwright-core, with the flags this project's machines need, plus
// helpers every e2e test shares: axe-core checks and screenshots at phone and desktop sizes.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '@anklepump/pose/node';
import type { OutboxRecord, StoredSession } from '@anklepump/web/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from './static-server.ts';

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 860 };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the page; returns the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the server's
  // Content-Security-Policy (rightly) refuses inline scripts, and axe is the test's, not the page's.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** Readable one-line-per-node list of violations for assertion messages. */
export function describeViolations(vs: readonly AxeViolation[]): string {
  return vs
    .map((v) => `${v.id} (${v.impact}): ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}

export const shotsDir = join(repoRoot, 'test-results', 'screens');

/** Saves a screenshot of the page as test-results/screens/<name>.png (gitignored). */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(shotsDir, { recursive: true });
  const path = join(shotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Screens taken at phone size (`page.screenshot()`'s PNGs, each PHONE.width wide) set side by side,
 * 10 px apart on white, saved as one PNG at `path`: the README's picture of a journey, made by the
 * test that walks it rather than by hand.
 */
export async function sideBySide(browser: Browser, shots: readonly Buffer[], path: string): Promise<void> {
  const gapPx = 10;
  const context = await browser.newContext({
    viewport: { width: shots.length * PHONE.width + (shots.length - 1) * gapPx, height: PHONE.height },
  });
  try {
    const page = await context.newPage();
    const imgs = shots
      .map((b) => `<img src="data:image/png;base64,${b.toString('base64')}" width="${PHONE.width}" alt="">`)
      .join('');
    await page.setContent(
      `<body style="margin:0;display:flex;gap:${gapPx}px;background:#fff;align-items:flex-start">${imgs}</body>`,
    );
    await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    await page.screenshot({ path });
  } finally {
    await context.close();
  }
}

/**
 * How dark the left and right edges of the element `selector` (the first that matches) look on
 * screen: the mean darkness (0 white, 255 black) of a 6-px strip at each edge above any scroll
 * bar, with its text and borders painted transparent for the moment so that only backgrounds show
 * (a cell's own background over the cue hides it, as it would from a person). What a person sees
 * as the cue that a table scrolls on.
 */
export async function edgeShade(page: Page, selector: string): Promise<{ left: number; right: number }> {
  const el = await page.$(selector);
  if (!el) throw new Error(`edgeShade: nothing matches ${selector}`);
  const heightPx = await el.evaluate((e) => {
    e.classList.add('e2e-backgrounds-only');
    return e.clientHeight;
  });
  const style = await page.addStyleTag({
    content:
      '.e2e-backgrounds-only * { color: transparent !important; border-color: transparent !important; }',
  });
  const png = await el.screenshot();
  await style.evaluate((s) => (s as Element).remove());
  await el.evaluate((e) => e.classList.remove('e2e-backgrounds-only'));
  return page.evaluate(
    async ([b64, h]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const strip = (x0: number) => {
        const d = ctx.getImageData(x0, 0, 6, Math.min(h, img.height)).data;
        let sum = 0;
        for (let i = 0; i < d.length; i += 4)
          sum += 255 - (0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!);
        return sum / (d.length / 4);
      };
      return { left: strip(0), right: strip(img.width - 6) };
    },
    [png.toString('base64'), heightPx] as const,
  );
}

/**
 * Pauses `page`'s installed, running clock `aheadMs` past the page's now. On a loaded machine the
 * page's time can pass that point between reading it and pausing ("Cannot fast-forward to the
 * past", seen beside four busy processes): then it reads the time again and retries.
 */
export async function pauseClockSoon(page: Page, aheadMs: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + aheadMs);
      return;
    } catch (e) {
      if (attempt >= 5 || !String((e as Error).message).includes('fast-forward to the past')) throw e;
    }
  }
}

/** What each of the app's IndexedDB stores holds (the app's own types). */
interface Stores {
  kv: unknown;
  sessions: StoredSession;
  outbox: OutboxRecord;
}

/** Reads every record of an IndexedDB object store of the app. */
export function readStore<S extends keyof Stores>(page: Page, store: S): Promise<Stores[S][]> {
  type T = Stores[S];
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('anklepump');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => {
            resolve(r.result as T[]);
            open.result.close();
          };
          r.onerror = () => reject(r.error);
        };
      }),
    store,
  );
}

/** What a page says aloud and vibrates, once `recordVoiceAndVibration` ran before it loaded. */
export interface VoiceAndVibration {
  spoken: string[];
  buzzed: number[][];
}

/** Records the page's speech and vibration (the headless browser has neither). Call before `goto`. */
export async function recordVoiceAndVibration(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __said: { spoken: string[]; buzzed: number[][] } };
    w.__said = { spoken: [], buzzed: [] };
    speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
      w.__said.spoken.push(u.text);
    };
    (navigator as unknown as { vibrate: (p: number | number[]) => boolean }).vibrate = (p) => {
      w.__said.buzzed.push(typeof p === 'number' ? [p] : [...p]);
      return true;
    };
  });
}

/** What the page has said and vibrated so far (see `recordVoiceAndVibration`). */
export function voiceAndVibration(page: Page): Promise<VoiceAndVibration> {
  return page.evaluate(
    () => (window as unknown as { __said: { spoken: string[]; buzzed: number[][] } }).__said,
  );
}
