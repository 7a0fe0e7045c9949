import { z } from 'zod';

/** Whether `YYYY-MM-DD` names a day of the calendar (2020-02-29 yes, 2021-02-29 and 2020-13-01 no; years 1900–2999). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}

/** Business day as local date text: a real calendar day, in bodies and query strings alike. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine(isCalendarDate, 'validation.date');
export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const locales = ['zh-CN', 'zh-TW', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export const errorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  fields: z.array(fieldErrorSchema).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
export const okSchema = z.object({ ok: z.literal(true) });

/** A file attached to a record (ticket, complaint, visit): typed by its bytes, downloaded with the record's permission. */
export const recordFileSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedByName: z.string().nullable(),
});
export type RecordFile = z.infer<typeof recordFileSchema>;
export const recordFileParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  fileId: z.coerce.number().int().positive(),
});
/** Photos and documents on tickets and complaints: at most 10 MB each, 20 per record; the public form 5 photos. */
export const recordFileLimits = {
  maxBytes: 10 * 1024 * 1024,
  types: ['pdf', 'png', 'jpg'] as const,
  perRecord: 20,
  publicPhotos: 5,
  visitPhotos: 9,
  publicTypes: ['png', 'jpg'] as const,
};

/** One step on a record's timeline: which action moved it from which state to which, by whom. */
export const transitionEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});
