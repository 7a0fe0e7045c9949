import type { Kysely } from 'kysely';
import type { Dialect } from '../database';
import * as m0001 from './0001_platform';
import * as m0400 from './0400_tickets';
import * as m0401 from './0401_liaison';
import * as m0402 from './0402_liaison_visit_photos';
import * as m0403 from './0403_liaison_team_edit';
import * as m0500 from './0500_complaints';
import * as m0501 from './0501_enforcement';
import * as m0510 from './0510_enforcement_rounds';
import * as m0700 from './0700_people';
import * as m0710 from './0710_passes';
import * as m0720 from './0720_isolation';
import * as m0100 from './0100_registry';
import * as m0101 from './0101_registry_regno';
import * as m0102 from './0102_entity_count';
import * as m0103 from './0103_entity_count';
import * as m0104 from './0104_entity_count_collation';
import * as m0200 from './0200_filings';
import * as m0300 from './0300_reports';
import * as m0320 from './0320_report_rollup';
import * as m0321 from './0321_report_rollup';
import * as m0322 from './0322_report_rollup_collation';
import * as m0310 from './0310_report_problems';
import * as m0410 from './0410_ticket_attachments';
import * as m0510c from './0510_complaint_attachments';
import * as m0600 from './0600_venues';

export interface MigrationModule {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

/**
 * Every migration, in order. Numbers are taken by module range so parallel work never collides:
 * 0001-0099 platform, 0100 registry, 0200 filings, 0300 reports/dashboard, 0400 liaison/tickets,
 * 0500 enforcement/complaints, 0600 venues, 0700 people/passes/isolation, 0800+ the rest.
 */
export const migrations: Record<string, MigrationModule> = {
  '0001_platform': m0001,
  '0400_tickets': m0400,
  '0401_liaison': m0401,
  '0402_liaison_visit_photos': m0402,
  '0403_liaison_team_edit': m0403,
  '0500_complaints': m0500,
  '0501_enforcement': m0501,
  '0510_enforcement_rounds': m0510,
  '0100_registry': m0100,
  '0101_registry_regno': m0101,
  '0102_entity_count': m0102,
  '0103_entity_count': m0103,
  '0104_entity_count_collation': m0104,
  '0200_filings': m0200,
  '0300_reports': m0300,
  '0320_report_rollup': m0320,
  '0321_report_rollup': m0321,
  '0322_report_rollup_collation': m0322,
  '0310_report_problems': m0310,
  '0410_ticket_attachments': m0410,
  '0510_complaint_attachments': m0510c,
  '0600_venues': m0600,
  '0700_people': m0700,
  '0710_passes': m0710,
  '0720_isolation': m0720,
};
