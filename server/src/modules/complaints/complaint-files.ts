import { recordFileLimits, type RecordFile } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { openStored, requireRoomFor, storeUpload, toRecordFile, type Upload } from '../../platform/files';
import { complaintsRepo, type ComplaintRow } from './complaints.repo';
import { PUBLIC_PHOTO_HOURS } from './complaint-intake';
import type { ComplaintRecords, ComplaintsDeps } from './complaint-records';

/** Photos and documents of a complaint: from the complainant within a day of filing, and from staff who can see it. */
export function complaintFiles(deps: ComplaintsDeps, records: ComplaintRecords) {
  const { db, audit, events, dataDir } = deps;
  const { now, event, visible, byReceiptAndSecret } = records;
  const repo = complaintsRepo;

  async function attachTo(
    ctx: RequestContext,
    row: ComplaintRow,
    upload: Upload,
    rules: { maxBytes: number; types: readonly ('pdf' | 'png' | 'jpg')[] },
  ): Promise<RecordFile> {
    const id = Number(row.id);
    const file = storeUpload(dataDir, upload, rules, ctx.actor, now());
    const fileId = await db.transaction().execute(async (trx) => {
      const { id: fileId } = await repo.insertAttachment(trx, { complaintId: id, ...file });
      await event(trx, ctx, id, { action: 'attach', note: file.fileName });
      await audit.record(trx, ctx, {
        action: 'complaints.attach',
        targetType: 'complaint',
        targetId: id,
        regionPath: row.regionPath,
        detail: { fileId: Number(fileId), fileName: file.fileName, size: file.size, sha256: file.sha256 },
      });
      return Number(fileId);
    });
    events.publish({ type: 'complaints.attached', regionPath: row.regionPath, data: { complaintId: id, fileId } });
    return toRecordFile({ ...file, id: fileId });
  }

  return {
    /**
     * Photos sent with the public form, right after the receipt (which proves it is the same
     * person): PNG/JPG only, at most five, within a day of filing.
     */
    async attachPublic(ctx: RequestContext, receiptNo: string, secret: string, upload: Upload): Promise<RecordFile> {
      const row = await byReceiptAndSecret(receiptNo, secret);
      if (now().getTime() - new Date(row.createdAt).getTime() > PUBLIC_PHOTO_HOURS * 3600_000)
        throw new AppError('complaints.photos_closed', 409, { hours: PUBLIC_PHOTO_HOURS });
      const fromPublic = (await repo.attachments(db, Number(row.id))).filter((f) => f.uploadedBy == null).length;
      requireRoomFor(fromPublic, recordFileLimits.publicPhotos);
      return attachTo({ ...ctx, actor: null }, row, upload, { ...recordFileLimits, types: recordFileLimits.publicTypes });
    },

    /** A file added by staff who can see the complaint. */
    async attach(ctx: RequestContext, id: number, upload: Upload): Promise<RecordFile> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const row = await visible(db, actor, id);
      requireRoomFor((await repo.attachments(db, id)).length, recordFileLimits.perRecord);
      return attachTo(ctx, row, upload, recordFileLimits);
    },

    /** A file of a complaint, for staff who can see it (404 otherwise). */
    async openFile(ctx: RequestContext, id: number, fileId: number) {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      await visible(db, actor, id);
      const f = await repo.attachment(db, id, fileId);
      if (!f) throw new AppError('common.not_found', 404);
      return { file: toRecordFile(f), stream: openStored(dataDir, f.sha256) };
    },
  };
}
