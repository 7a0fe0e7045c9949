import { z } from 'zod';
import { pageQuerySchema } from './common';

export const staffInputSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(50),
  idNumber: z.string().trim().min(1, 'validation.required').max(18),
  phone: z.string().trim().min(1, 'validation.required').max(20),
});
export type StaffInput = z.infer<typeof staffInputSchema>;
export const staffListQuerySchema = pageQuerySchema.extend({ entityId: z.coerce.number().int().positive().optional() });

export const staffMemberSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  name: z.string(),
  idMasked: z.string(),
  phoneMasked: z.string(),
  passed: z.boolean(),
  bestScore: z.number().int().nullable(),
  attempts: z.number().int(),
  passedAt: z.string().nullable(),
  /** path of the public quiz page (only to the enterprise itself) */
  quizPath: z.string().nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;
export const staffQrSchema = z.object({ url: z.string(), dataUrl: z.string() });

export const quizTokenParamSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
export const publicQuizSchema = z.object({
  entityName: z.string(),
  staffName: z.string(),
  passMark: z.number().int(),
  passed: z.boolean(),
  questions: z.array(z.object({ text: z.string(), options: z.array(z.string()) })),
});
export type PublicQuiz = z.infer<typeof publicQuizSchema>;
export const quizAnswerBodySchema = z.object({ answers: z.array(z.number().int().min(0).max(5)).min(1).max(50) });
export const quizResultSchema = z.object({
  score: z.number().int(),
  passMark: z.number().int(),
  passed: z.boolean(),
  correct: z.number().int(),
  total: z.number().int(),
});
export type QuizResult = z.infer<typeof quizResultSchema>;
