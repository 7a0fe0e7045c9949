import { z } from 'zod';

/** Channel partners (OTA) of the venue booking API: their keys and rate limits. */
export const partnerInputSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(100),
  ratePerMinute: z.number().int().min(1).max(100_000).default(600),
});
export const partnerKeySchema = z.object({
  id: z.number().int(),
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const partnerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  ratePerMinute: z.number().int(),
  createdAt: z.string(),
  keys: z.array(partnerKeySchema),
});
export type Partner = z.infer<typeof partnerSchema>;
export const issuedKeySchema = z.object({ id: z.number().int(), prefix: z.string(), key: z.string() });
export const partnerKeyParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  keyId: z.coerce.number().int().positive(),
});
