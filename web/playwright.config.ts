import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Debian's chromium (or CHROMIUM_PATH); Playwright's own browser download is not used.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-e2e-'));

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'desktop', use: { viewport: { width: 1366, height: 860 } } }],
  webServer: {
    // the built app, as `npm start` serves it, on a fresh demo database (always SQLite: an empty
    // DATABASE_URL is rejected by the config, and an outer PostgreSQL URL must not leak in)
    command: 'node server/dist/main.js',
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/health`,
    // the full demo (five districts, ~80k entities) loads before the server listens
    timeout: 600_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_ON_EMPTY: 'true',
      LOG_LEVEL: 'warn',
      DATABASE_URL: `sqlite:${path.join(dataDir, 'fugong.db')}`,
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
