import { recordFileLimits, type RecordFile } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { openStored, requireRoomFor, storeUpload, toRecordFile, type Upload } from '../../platform/files';
import { ticketsRepo } from './tickets.repo';
import type { TicketRecords, TicketsDeps } from './ticket-records';

/** Photos and documents of a ticket: added by anyone who can see it, at any step, and shown on its timeline. */
export function ticketFiles(deps: TicketsDeps, records: TicketRecords) {
  const { db, audit, dataDir } = deps;
  const { now, visible, event, announce, readActor } = records;
  const repo = ticketsRepo;

  return {
    /** A photo or document added by anyone who can see the ticket, at any step; it shows on the timeline. */
    async attach(ctx: RequestContext, id: number, upload: Upload): Promise<RecordFile> {
      const actor = readActor(ctx);
      await visible(db, actor, id);
      requireRoomFor((await repo.attachments(db, id)).length, recordFileLimits.perRecord);
      const file = storeUpload(dataDir, upload, recordFileLimits, actor, now());
      const { fileId, regionPath } = await db.transaction().execute(async (trx) => {
        const row = await visible(trx, actor, id);
        const { id: fileId } = await repo.insertAttachment(trx, { ticketId: id, ...file });
        await event(trx, ctx, id, {
          action: 'attach',
          detail: { fileId: Number(fileId), fileName: file.fileName, mime: file.mime },
        });
        await audit.record(trx, ctx, {
          action: 'tickets.attach',
          targetType: 'ticket',
          targetId: id,
          regionPath: row.regionPath,
          detail: { fileId: Number(fileId), fileName: file.fileName, size: file.size, sha256: file.sha256 },
        });
        return { fileId: Number(fileId), regionPath: row.regionPath };
      });
      announce('tickets.attached', regionPath, { ticketId: id, fileId });
      return toRecordFile({ ...file, id: fileId });
    },

    /** A file of a ticket, for whoever can see the ticket (404 otherwise). */
    async openFile(ctx: RequestContext, id: number, fileId: number) {
      const actor = readActor(ctx);
      await visible(db, actor, id);
      const f = await repo.attachment(db, id, fileId);
      if (!f) throw new AppError('common.not_found', 404);
      return { file: toRecordFile(f), stream: openStored(dataDir, f.sha256) };
    },
  };
}
