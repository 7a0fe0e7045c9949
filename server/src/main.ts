import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, ConfigError } from './config';
import { createCore, closeCore } from './bootstrap';
import { buildApp } from './app';
import { loadDemo, formatLogins } from './demo/load-demo';
import { DEMO_PASSWORD } from './demo/demo-users';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const started = Date.now();
  const core = await createCore({ config });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const webDist = config.webDist ?? path.resolve(here, '../../web/dist');
  const { app, services } = await buildApp(core, { logger: { level: config.logLevel }, webDist });

  if (config.demoOnEmpty && (await services.regions.count()) === 0) {
    app.log.info('empty database: loading the demo districts');
    const logins = await loadDemo(services, (m) => app.log.info(m));
    console.log(formatLogins(logins));
  } else if ((await services.users.count()) > 0) {
    console.log(`Demo logins (if the demo was loaded): admin, commander, town, grid … password ${DEMO_PASSWORD}`);
  }

  core.jobs.start();
  await app.listen({ port: config.port, host: config.host });
  console.log(`Fugong is serving on http://localhost:${config.port} (${core.dialect}; ready in ${Date.now() - started} ms)`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // close() stops accepting, lets in-flight requests finish, then we close the database;
    // a client that never finishes its request does not get to hold the process past the deadline
    const deadline = setTimeout(() => app.server.closeAllConnections(), 10_000).unref();
    await app.close();
    clearTimeout(deadline);
    await closeCore(core);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
