// The patient app in a real browser, the way every app e2e test starts: the built app served
// on 127.0.0.1, Debian's Chromium, and pages at phone or desktop size with reduced motion and,
// when asked, the page clock installed at a fixed time.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, PHONE } from './browser.ts';
import { ensureBuilt, type StaticServer, startStaticServer } from './static-server.ts';

export interface PageOptions {
  readonly viewport?: { width: number; height: number };
  /** Install the page clock at this local time (ISO); tests then advance it by hand. */
  readonly clockAt?: string;
  readonly permissions?: readonly string[];
  readonly acceptDownloads?: boolean;
}

export interface AppBrowser {
  readonly server: StaticServer;
  readonly browser: Browser;
  /** The app's address. */
  readonly url: string;
  /** A fresh browser profile (its own IndexedDB) with one page. */
  newPage(o?: PageOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** Builds the app if needed, serves it and launches Chromium with `args` added to the house flags. */
export async function openAppBrowser(args: string[] = []): Promise<AppBrowser> {
  ensureBuilt();
  const server = await startStaticServer();
  const browser = await launch(args).catch(async (e) => {
    await server.close();
    throw e;
  });
  return {
    server,
    browser,
    url: server.url,
    async newPage(o = {}) {
      const context = await browser.newContext({
        viewport: o.viewport ?? PHONE,
        reducedMotion: 'reduce',
        acceptDownloads: o.acceptDownloads ?? false,
      });
      if (o.permissions) await context.grantPermissions([...o.permissions]);
      const page = await context.newPage();
      if (o.clockAt) await page.clock.install({ time: new Date(o.clockAt) });
      return { context, page };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
