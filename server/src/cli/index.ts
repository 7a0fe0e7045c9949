import { parseArgs } from 'node:util';
import { createUserBodySchema, roles } from '@fugong/contract';
import { loadConfig, ConfigError } from '../config';
import { createCore, closeCore } from '../bootstrap';
import { buildServices } from '../services';
import { loadDemo, formatLogins } from '../demo/load-demo';
import { systemContext } from '../platform/context';
import { AppError } from '../platform/errors';
import { parseInput } from '../platform/http';
import { t } from '../platform/i18n/index';

const USAGE = `Usage: npm run fugong -- <command> [options]

Commands:
  migrate                      apply pending database migrations
  demo                         load the five demo districts (empty database only)
  user:create --username U --password P --role R [--region CODE] [--department D]
                               [--entity ID] [--venue ID] [--name NAME]
  help                         this text

The database is DATABASE_URL, or data/fugong.db (DATA_DIR) by default.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const core = await createCore({ config });
  try {
    const services = buildServices(core);
    switch (command) {
      case 'migrate':
        console.log(`database is at the latest migration (${core.dialect})`);
        return 0;
      case 'demo': {
        if ((await services.regions.count()) > 0) {
          console.error('the database already has regions; demo data loads only into an empty database');
          return 1;
        }
        const logins = await loadDemo(services, (m) => console.log(m));
        console.log(formatLogins(logins));
        return 0;
      }
      case 'user:create': {
        const { values } = parseArgs({
          args: rest,
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
          return 2;
        }
        if (!(roles as readonly string[]).includes(values.role)) {
          console.error(`unknown role ${values.role}; one of: ${roles.join(', ')}`);
          return 2;
        }
        const ctx = systemContext('en');
        // the same rules as the admin API: a town officer without a region is refused here too
        const input = parseInput(
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
          ctx,
        );
        const id = await services.users.createUser(ctx, { ...input, mustChangePassword: false });
        console.log(`created user ${values.username} (id ${id}, role ${values.role})`);
        return 0;
      }
      default:
        console.error(`unknown command ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await closeCore(core);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof AppError) {
      const fields = err.fields?.map((f) => `${f.field}: ${t('en', f.message)}`).join('; ');
      console.error(t('en', err.code, err.params) + (fields ? ` (${fields})` : ''));
    } else console.error(err);
    process.exit(1);
  },
);
