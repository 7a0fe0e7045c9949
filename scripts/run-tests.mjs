#!/usr/bin/env node
// `npm test`: unit + API tests (SQLite, and PostgreSQL when DATABASE_URL is set) with vitest,
// then the browser journeys with Playwright in Chromium; ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'test-results');
fs.mkdirSync(out, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;

const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : null;
console.log(`\n== unit and API tests (SQLite${pgUrl ? ' and PostgreSQL' : '; PostgreSQL skipped: DATABASE_URL not set'}) ==`);
const vitestJson = path.join(out, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const vitestCode = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const r = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  totals.passed += r.numPassedTests;
  // a file that failed to load has no failed test of its own: count it once
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  totals.failed += r.numFailedTests + brokenFiles;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
} else if (vitestCode !== 0) totals.failed += 1;

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (process.env.SKIP_E2E === '1') {
  console.log('\n== browser tests skipped: SKIP_E2E=1 ==');
} else if (!fs.existsSync(chromium)) {
  console.log(`\n== browser tests SKIPPED: no Chromium at ${chromium} (install Debian's chromium or set CHROMIUM_PATH) ==`);
} else {
  console.log('\n== build for the browser tests ==');
  if (run('npm', ['run', 'build']) !== 0) {
    totals.failed += 1;
    console.log('build failed: browser tests not run');
  } else {
    console.log(`\n== browser tests (Chromium at ${chromium}) ==`);
    const e2eJson = path.join(out, 'e2e.json');
    fs.rmSync(e2eJson, { force: true });
    const code = run('npx', ['playwright', 'test', '-c', 'web/playwright.config.ts']);
    if (fs.existsSync(e2eJson)) {
      const s = JSON.parse(fs.readFileSync(e2eJson, 'utf8')).stats;
      totals.passed += s.expected;
      totals.failed += s.unexpected;
      totals.skipped += s.skipped;
      totals.passed += s.flaky;
    } else if (code !== 0) totals.failed += 1;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
