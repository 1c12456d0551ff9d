import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh embedded database per run, so e2e tests never see earlier data.
// Playwright loads this config in several processes; the first one's choice is
// passed on to the others through the environment.
process.env.E2E_PGLITE_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'groundwork-e2e-'));
const dataDir = process.env.E2E_PGLITE_DATA_DIR;

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'pnpm start',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      PGLITE_DATA_DIR: join(dataDir, 'pglite'),
      DEV_OUTBOX: '1',
      // Every e2e test signs people up from 127.0.0.1; the default would throttle the run.
      SIGNUP_LIMIT_PER_IP: '1000',
      // Always the fresh embedded database, even when the shell has DATABASE_URL set.
      DATABASE_URL: '',
    },
  },
});
