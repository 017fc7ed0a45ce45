// Starts Debian's headless Chromium through playwright-core (never a downloaded browser), with
// software WebGL allowed so MediaPipe (and the test-video renderer) have a GL context on CPU.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { PoseError } from './pose-error.ts';

/**
 * Flags every headless Chromium of this project starts with: headless as root, and no background
 * traffic (these machines reach no network but the package registries).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where Chromium is looked for; `ANKLEPUMP_CHROMIUM` overrides. */
export function chromiumPath(): string {
  return process.env.ANKLEPUMP_CHROMIUM ?? '/usr/bin/chromium';
}

/** Launches headless Chromium. Rejects with PoseError 'browser-failed' saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new PoseError(
      'browser-failed',
      `Chromium not found at ${executablePath}: install it (apt-get install chromium) or set ANKLEPUMP_CHROMIUM`,
    );
  }
  try {
    return await chromium.launch({
      executablePath,
      args: [
        ...CHROMIUM_ARGS,
        // WebGL on the CPU (SwiftShader): MediaPipe needs a GL context even with the CPU delegate.
        '--enable-unsafe-swiftshader',
        '--use-angle=swiftshader',
      ],
    });
  } catch (e) {
    throw new PoseError('browser-failed', `Chromium failed to start: ${(e as Error).message.split('\n')[0]}`);
  }
}
