import type { MigrationModule } from '../migrate';
import * as m0001 from './0001_platform';

/**
 * The platform's own migrations; each module lists its own in its manifest. Numbers are taken by
 * module range so parallel work never collides: 0001-0099 platform, 0100 registry, 0200 filings,
 * 0300 reports/dashboard, 0400 liaison/tickets, 0500 enforcement/complaints, 0600 venues,
 * 0700 people/passes/isolation, 0800 supplies, 0900 labour, 1000 finance, 1100 policies,
 * 1200 projects and agriculture.
 */
export const platformMigrations: Record<string, MigrationModule> = {
  '0001_platform': m0001,
};
