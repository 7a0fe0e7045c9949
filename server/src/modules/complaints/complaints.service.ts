import { complaintRecords, type ComplaintsDeps } from './complaint-records';
import { complaintIntake } from './complaint-intake';
import { complaintFiles } from './complaint-files';
import { complaintLists } from './complaint-lists';
import { complaintHandling } from './complaint-handling';
import { complaintEscalation } from './complaint-escalation';

export { COMPLAINT_REPLY_DAYS, PUBLIC_PHOTO_HOURS } from './complaint-intake';
export type { ComplaintsDeps } from './complaint-records';

/**
 * 投诉举报: complaints from the public form and by phone, verified and handled (a department's share as
 * a ticket), answered within five working days, escalated when overdue.
 */
export function createComplaintsService(deps: ComplaintsDeps) {
  const records = complaintRecords(deps);
  return {
    ...complaintIntake(deps, records),
    ...complaintFiles(deps, records),
    ...complaintLists(deps, records),
    ...complaintHandling(deps, records),
    ...complaintEscalation(deps, records),
  };
}
export type ComplaintsService = ReturnType<typeof createComplaintsService>;
