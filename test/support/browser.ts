/**
 * Headless Chromium for the dashboard tests: Debian's `chromium` (installed by .ci/run) driven by
 * playwright-core, which downloads no browser of its own. CHROMIUM_PATH overrides where it is looked for.
 * The flags keep Chromium off the network (this machine's network is closed: background connections
 * would be refused many at a time) and let it run as root in a container.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium'];

/** The Chromium executable, or null when none is installed. */
export function chromiumPath(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: install Debian\'s chromium (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    headless: true,
    // a busy CI machine starts Chromium slowly
    timeout: 180_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--mute-audio'],
  });
}
