import type { LabourDeps } from './labour-deps';
import { createPostingsService } from './postings.service';
import { createFairsService } from './fairs.service';
import { createSharedStaffService } from './shared-staff.service';
import { createTransportService } from './transport.service';
import { createSurveyService } from './survey.service';
import { createLabourStatsService } from './labour-stats.service';
import { createLabourExports } from './labour-export';
import './labour.messages';

/** The labour module's services, one per area, built from the same dependencies. */
export function createLabourService(deps: LabourDeps) {
  const postings = createPostingsService(deps);
  const fairs = createFairsService(deps, postings);
  const survey = createSurveyService(deps);
  const stats = createLabourStatsService(deps);
  return {
    postings,
    fairs,
    shared: createSharedStaffService(deps),
    transport: createTransportService(deps),
    survey,
    stats,
    exports: createLabourExports(deps, postings, survey, stats),
  };
}
export type LabourService = ReturnType<typeof createLabourService>;
