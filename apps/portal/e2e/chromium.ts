import { existsSync } from 'node:fs';

/**
 * The system Chromium the browser tests drive. Playwright's own browser
 * download is not used: it fails on machines without internet access.
 */
export function chromiumExecutable(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (!found) {
    throw new Error(
      'Browser tests need a system Chromium and none was found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser). ' +
        'Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return found;
}
