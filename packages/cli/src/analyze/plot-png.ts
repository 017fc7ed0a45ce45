// Renders the plot's SVG to PNG with the headless Chromium the video path already uses, so the
// PNG shows exactly what the SVG shows.
import { writeFile } from 'node:fs/promises';

/** Writes `svg` as a PNG file at `path`. */
export async function writeSvgAsPng(svg: string, path: string): Promise<void> {
  const { launchChromium } = await import('@anklepump/pose/node');
  const w = Number(/width="(\d+)"/.exec(svg)?.[1] ?? 960);
  const h = Number(/height="(\d+)"/.exec(svg)?.[1] ?? 600);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: w, height: h }, type: 'png' });
    await writeFile(path, png);
  } finally {
    await browser.close();
  }
}
