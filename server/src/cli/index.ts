import { parseArgs } from 'node:util';
import { createUserBodySchema, roles } from '@fugong/contract';
import { loadConfig, ConfigError } from '../config';
import { systemContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { parseInput } from '../platform/http';
import { t } from '../platform/i18n/index';

const USAGE = `Usage: npm run fugong -- <command> [options]

Commands:
  migrate                      apply pending database migrations
  demo                         load the five demo districts (empty database only)
  rollups:rebuild              recompute the dashboard's rollups (entity counts per day,
                               report sums per day) from the registry and the daily reports
  user:create --username U --password P --role R [--region CODE] [--department D]
                               [--entity ID] [--venue ID] [--name NAME]
  help                         this text

The database is DATABASE_URL, or data/fugong.db (DATA_DIR) by default.`;

const COMMANDS = new Set(['migrate', 'demo', 'rollups:rebuild', 'user:create']);

/** user:create's arguments, checked by the admin API's own schema; null (after saying why) when unusable. */
function userCreateInput(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      region: { type: 'string' },
      department: { type: 'string' },
      entity: { type: 'string' },
      venue: { type: 'string' },
      name: { type: 'string' },
    },
  });
  if (!values.username || !values.password || !values.role) {
    console.error('user:create needs --username, --password and --role');
    return null;
  }
  if (!(roles as readonly string[]).includes(values.role)) {
    console.error(`unknown role ${values.role}; one of: ${roles.join(', ')}`);
    return null;
  }
  // the same rules as the admin API: a town officer without a region is refused here too
  return parseInput(
    createUserBodySchema,
    {
      username: values.username,
      displayName: values.name ?? values.username,
      password: values.password,
      grants: [
        {
          role: values.role,
          regionCode: values.region ?? null,
          department: values.department ?? null,
          entityId: values.entity ? Number(values.entity) : null,
          venueId: values.venue ? Number(values.venue) : null,
        },
      ],
    },
    systemContext('en'),
  );
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (!COMMANDS.has(command)) {
    console.error(`unknown command ${command}\n\n${USAGE}`);
    return 2;
  }
  const newUser = command === 'user:create' ? userCreateInput(rest) : null;
  if (command === 'user:create' && !newUser) return 2;

  const config = loadConfig();
  // the whole server loads only once the command line is known to be usable
  const { createCore, closeCore } = await import('../bootstrap');
  const { buildServices } = await import('../services');
  const core = await createCore({ config });
  try {
    const services = buildServices(core);
    if (command === 'migrate') {
      console.log(`database is at the latest migration (${core.dialect})`);
    } else if (command === 'demo') {
      if ((await services.regions.count()) > 0) {
        console.error('the database already has regions; demo data loads only into an empty database');
        return 1;
      }
      const { loadDemo, formatLogins } = await import('../demo/load-demo');
      const logins = await loadDemo(services, (m) => console.log(m));
      console.log(formatLogins(logins));
    } else if (command === 'rollups:rebuild') {
      const started = Date.now();
      const entities = await services.registryStats.rebuildCounts();
      const rows = await services.dailyReports.rebuildRollup();
      console.log(
        `rebuilt the entity counts of ${entities} entities and ${rows} report rollup rows in ${Date.now() - started} ms`,
      );
    } else if (newUser) {
      const id = await services.users.createUser(systemContext('en'), { ...newUser, mustChangePassword: false });
      console.log(`created user ${newUser.username} (id ${id}, role ${newUser.grants[0]!.role})`);
    }
    return 0;
  } finally {
    await closeCore(core);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof AppError) {
      const fields = err.fields?.map((f) => `${f.field}: ${t('en', f.message, err.params)}`).join('; ');
      console.error(t('en', err.code, err.params) + (fields ? ` (${fields})` : ''));
    } else console.error(err);
    process.exit(1);
  },
);
