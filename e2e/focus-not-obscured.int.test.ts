// Keyboard focus on a phone-sized session screen: every control Tab reaches must be in view and not
// behind the floating "Pain – stop" button (WCAG 2.2, 2.4.11 focus not obscured). With a warning
// on screen the controls sit lower, and "I did one" and "End session" were focused behind it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppBrowser, openAppBrowser } from './support/app-browser.ts';
import { PHONE, shot } from './support/browser.ts';
import { runPhoneSession } from './support/flow.ts';

let app: AppBrowser;
beforeAll(async () => {
  app = await openAppBrowser();
});
afterAll(async () => {
  await app?.close();
});

/** Where the focused control is against the pain button, or null when focus is on no control. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const b = el.getBoundingClientRect();
    const p = document.querySelector('#pain')!.getBoundingClientRect();
    const behindPain = el.id !== 'pain' && b.x < p.right && p.x < b.right && b.y < p.bottom && p.y < b.bottom;
    const inView = b.top >= 0 && b.bottom <= window.innerHeight;
    return {
      name: `${el.tagName.toLowerCase()}#${el.id} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
      behindPain,
      inView,
    };
  });
}

describe('keyboard focus on the session screen', () => {
  it('never lands behind the floating pain button on a phone, with a warning on screen', async () => {
    const { page } = await app.newPage({ viewport: PHONE, clockAt: '2026-03-02T10:00:00' });
    await runPhoneSession(page, app.url);
    // The longest phone warning, where the session shows it.
    await page.evaluate(() => {
      document.querySelector('#warning')!.textContent =
        'Counting starts once the foot has rested for a moment: the movements before that were not counted. Rest the foot, then start the pumps.';
    });
    const names: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (!f) continue;
      names.push(f.name);
      expect(f.behindPain, `${f.name} behind the pain button`).toBe(false);
      expect(f.inView, `${f.name} in view`).toBe(true);
    }
    // Tab reached the controls near the bottom, not only the header.
    expect(names.some((n) => n.includes('#manual-rep'))).toBe(true);
    expect(names.some((n) => n.includes('#end'))).toBe(true);
    await page.focus('#end');
    await shot(page, 'session-phone-focus-end');
  });
});
