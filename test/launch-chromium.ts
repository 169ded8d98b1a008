/**
 * Debian's Chromium, headless, for the browser test and the screenshot and timing scripts: one
 * place for its path and the flags this machine needs (no sandbox as root; no background
 * networking, whose connections this closed network refuses).
 */
import { type Browser, chromium } from 'playwright-core';

/** `/usr/bin/chromium`, or the path in `BENCHGATE_CHROMIUM`. */
export const CHROMIUM_PATH = process.env['BENCHGATE_CHROMIUM'] ?? '/usr/bin/chromium';

/** Launches headless Chromium from {@link CHROMIUM_PATH}. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
