import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { idParamSchema, recordFileLimits, recordFileParamSchema, recordFileSchema, type RecordFile } from '@fugong/contract';
import type {} from '@fastify/multipart'; // req.file() / req.isMultipart(); the plugin is registered in app.ts
import { AppError } from './errors';
import { route, operationIdFor } from './http';
import type { RequestContext } from './context';
import { registerMessages } from './i18n/index';
import type { StoredFileRow } from './stored-file';

registerMessages({
  'files.too_large': { 'zh-CN': '文件不能超过 {mb} MB', 'zh-TW': '檔案不能超過 {mb} MB', en: 'Files are limited to {mb} MB' },
  'files.bad_type': {
    'zh-CN': '只能上传 {types} 文件（按文件内容识别）',
    'zh-TW': '只能上傳 {types} 檔案（按檔案內容識別）',
    en: 'Only {types} files (checked by content)',
  },
  'files.missing': { 'zh-CN': '请选择要上传的文件', 'zh-TW': '請選擇要上傳的檔案', en: 'Choose a file to upload' },
  'files.too_many': { 'zh-CN': '最多上传 {n} 个文件', 'zh-TW': '最多上傳 {n} 個檔案', en: 'At most {n} files' },
});

/**
 * Uploaded files for every module: the type is read from the bytes (and must agree with the
 * name), the content is kept once under `dataDir/files/<sha256>`, and each module keeps its own
 * table of what was attached to what, by whom. Downloads always go out as attachments with
 * `nosniff`, so a file is never rendered as a page of ours.
 */
export type FileType = 'pdf' | 'png' | 'jpg' | 'docx';

export const mimeOf: Record<FileType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const extensions: Record<string, FileType> = { pdf: 'pdf', png: 'png', jpg: 'jpg', jpeg: 'jpg', docx: 'docx' };

/** The type the bytes say, whatever the name says: a renamed .exe is not a PDF. */
export function sniffType(buf: Buffer): FileType | null {
  if (buf.length >= 5 && buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpg';
  // a .docx is a zip whose entries include word/… (names are stored uncompressed in the local headers)
  if (
    buf.length >= 4 &&
    buf.readUInt32LE(0) === 0x04034b50 &&
    buf.includes('word/', 0, 'latin1') &&
    buf.includes('[Content_Types].xml', 0, 'latin1')
  )
    return 'docx';
  return null;
}

export function typeFromName(fileName: string): FileType | null {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return extensions[ext] ?? null;
}

/** Keeps a file once under files/<sha256>; the same content uploaded twice is stored once. */
export function storeContent(dataDir: string, buf: Buffer): string {
  const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
  const dir = path.join(dataDir, 'files');
  const file = path.join(dir, sha256);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, buf, { mode: 0o640 });
    fs.renameSync(tmp, file);
  }
  return sha256;
}

export function contentPath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad content hash');
  return path.join(dataDir, 'files', sha256);
}

/** One file as a route received it: the service decides whether it is acceptable. */
export interface Upload {
  fileName: string;
  content: Buffer | null;
  /** the file was larger than the route's limit and was cut off */
  truncated: boolean;
  /** the other (text) fields of the multipart form */
  fields: Record<string, string>;
}

/** Reads the one uploaded file of a multipart request, stopping at `maxBytes`. */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  const none: Upload = { fileName: '', content: null, truncated: false, fields: {} };
  if (!req.isMultipart()) return none;
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) return none;
  let content: Buffer | null = null;
  let truncated = false;
  try {
    content = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
    truncated = true;
  }
  const fields: Record<string, string> = {};
  for (const [name, f] of Object.entries(part.fields)) {
    const v = (f as { value?: unknown } | undefined)?.value;
    if (typeof v === 'string') fields[name] = v;
  }
  return { fileName: part.filename, content, truncated, fields };
}

export interface FileRules {
  maxBytes: number;
  types: readonly FileType[];
  /** error codes, for modules that keep their own wording */
  codes?: { tooLarge: string; type: string; missing: string };
}

const defaultCodes = { tooLarge: 'files.too_large', type: 'files.bad_type', missing: 'files.missing' };

/** What a checked upload is: its type by content, its MIME type and a file name safe to store and send. */
export interface CheckedFile {
  type: FileType;
  mime: string;
  fileName: string;
  content: Buffer;
  size: number;
}

/** Refuses a missing, oversized or mistyped file with a localised 4xx on the field `file`. */
export function checkUpload(u: Pick<Upload, 'fileName' | 'content' | 'truncated'>, rules: FileRules): CheckedFile {
  const codes = rules.codes ?? defaultCodes;
  const mb = Math.round((rules.maxBytes / 1024 / 1024) * 10) / 10;
  if (u.truncated || (u.content && u.content.length > rules.maxBytes))
    throw new AppError(codes.tooLarge, 413, { mb }, [{ field: 'file', message: codes.tooLarge }]);
  if (!u.content || u.content.length === 0)
    throw new AppError(codes.missing, 400, {}, [{ field: 'file', message: codes.missing }]);
  const sniffed = sniffType(u.content);
  const named = typeFromName(u.fileName);
  const types = rules.types.map((x) => x.toUpperCase()).join(', ');
  if (!sniffed || sniffed !== named || !rules.types.includes(sniffed))
    throw new AppError(codes.type, 400, { types }, [{ field: 'file', message: codes.type }]);
  return { type: sniffed, mime: mimeOf[sniffed], fileName: safeFileName(u.fileName), content: u.content, size: u.content.length };
}

/** No path separators or control characters, at most 200 characters (keeping the extension). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/\u0000-\u001f]/g, '_').slice(-200);
}

/** Opens a stored file for reading. */
export function openStored(dataDir: string, sha256: string): fs.ReadStream {
  return fs.createReadStream(contentPath(dataDir, sha256));
}

/** Sends a file as a download (an image still shows in an <img>), never sniffed into a page. */
export function sendDownload(reply: FastifyReply, f: { fileName: string; mime: string }, body: fs.ReadStream | Buffer) {
  return reply
    .header('content-type', f.mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .send(body);
}

/** Checks an upload against the rules, keeps its content and returns the row to insert (module tables add their parent id). */
export function storeUpload(
  dataDir: string,
  u: Pick<Upload, 'fileName' | 'content' | 'truncated'>,
  rules: FileRules,
  by: { id: number; displayName: string } | null,
  at: Date,
): StoredFileRow {
  const file = checkUpload(u, rules);
  const sha256 = storeContent(dataDir, file.content);
  return {
    fileName: file.fileName,
    mime: file.mime,
    size: file.size,
    sha256,
    uploadedBy: by?.id ?? null,
    uploadedByName: by?.displayName ?? null,
    uploadedAt: at.toISOString(),
  };
}

/** A stored row as the API shows it (no hash, no uploader id). */
export function toRecordFile(r: StoredFileRow & { id: number }) {
  return {
    id: Number(r.id),
    fileName: r.fileName,
    mime: r.mime,
    size: Number(r.size),
    uploadedAt: r.uploadedAt,
    uploadedByName: r.uploadedByName,
  };
}

/** Refuses another file once a record holds `max`. */
export function requireRoomFor(count: number, max: number): void {
  if (count >= max) throw new AppError('files.too_many', 409, { n: max }, [{ field: 'file', message: 'files.too_many' }]);
}

/**
 * The two routes of a record's files: POST `<base>/:id/attachments` (multipart: file) and
 * GET `<base>/:id/attachments/:fileId`. The service checks who may do either.
 */
export function recordFileRoutes(
  app: FastifyInstance,
  opts: {
    base: string;
    tags: string[];
    what: string;
    attach: (ctx: RequestContext, id: number, u: Upload) => Promise<RecordFile>;
    open: (ctx: RequestContext, id: number, fileId: number) => Promise<{ file: RecordFile; stream: fs.ReadStream }>;
  },
): void {
  const mb = recordFileLimits.maxBytes / 1024 / 1024;
  route(app, {
    method: 'POST',
    url: `${opts.base}/:id/attachments`,
    operationId: operationIdFor('POST', `${opts.base}/:id/attachments`),
    summary: `Attach a photo or document to a ${opts.what} (multipart: file); ${recordFileLimits.types.join('/').toUpperCase()} by content, at most ${mb} MB, ${recordFileLimits.perRecord} per ${opts.what}`,
    tags: opts.tags,
    params: idParamSchema,
    response: recordFileSchema,
    handler: async ({ params, req, ctx }) => opts.attach(ctx, params.id, await readUpload(req, recordFileLimits.maxBytes)),
  });
  route(app, {
    method: 'GET',
    url: `${opts.base}/:id/attachments/:fileId`,
    operationId: operationIdFor('GET', `${opts.base}/:id/attachments/:fileId`),
    summary: `Download a file of a ${opts.what}`,
    tags: opts.tags,
    params: recordFileParamSchema,
    handler: async ({ params, ctx, reply }) => {
      const { file, stream } = await opts.open(ctx, params.id, params.fileId);
      return sendDownload(reply, file, stream);
    },
  });
}
