import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-shutdown-'));
let server: ChildProcess | null = null;
afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const s = net.createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as net.AddressInfo).port;
  s.close();
  return port;
}

// main.ts as `npm start` runs it, on SQLite in a temp data dir (the PostgreSQL run skips this file)
describe.runIf(testDb === 'sqlite')('graceful shutdown of the server process', () => {
  it('answers while running; on SIGTERM finishes the request in flight, does not wait for idle connections, closes the database and exits 0', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_ON_EMPTY: 'false',
      LOG_LEVEL: 'warn',
      WEB_DIST: path.join(dataDir, 'no-web'),
    };
    delete env.DATABASE_URL;
    delete env.FUGONG_SECRET_KEY;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server = child;
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    await expect
      .poll(() => out, { timeout: 90_000, interval: 200 })
      .toMatch(/Fugong is serving on http:\/\/localhost:\d+ \(sqlite/);

    // a keep-alive connection left open by a client must not hold the shutdown
    const agent = new http.Agent({ keepAlive: true });
    const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        })
        .on('error', reject);
    });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', db: 'sqlite' });
    expect(fs.existsSync(path.join(dataDir, 'fugong.db'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'secret.key'))).toBe(true);

    // a request in flight: headers and half of its body are in, the rest comes after SIGTERM
    const body = JSON.stringify({ username: 'nobody', password: 'Whatever123' });
    const inFlight = net.connect(port, '127.0.0.1');
    await once(inFlight, 'connect');
    let answer = '';
    inFlight.on('data', (d) => (answer += d));
    inFlight.write(
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept-Language: en\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    inFlight.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 300));

    const sent = Date.now();
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    expect(child.exitCode).toBeNull();
    inFlight.write(body.slice(10));
    await expect.poll(() => answer, { timeout: 10_000 }).toMatch(/\r\n\r\n\{.*\}$/s);
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toContain('"code":"auth.bad_credentials"');
    const { code, signal, at } = await exited;
    inFlight.destroy();
    server = null;
    agent.destroy();
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(at - sent).toBeLessThan(8000);
    // closing the database checkpoints the write-ahead log into the file and removes it
    expect(fs.existsSync(path.join(dataDir, 'fugong.db-wal'))).toBe(false);
    expect(out).not.toMatch(/Error|error/);
  }, 120_000);
});
