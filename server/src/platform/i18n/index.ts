import { z } from 'zod';
import type { Locale } from '@fugong/contract';
import { platformMessages } from './messages/platform';
import type { Messages } from './messages/types';

export type { Messages };

const catalogue: Messages = { ...platformMessages };

/** Modules add their own codes at import time; a duplicate key is a programming error. */
export function registerMessages(m: Messages): void {
  for (const key of Object.keys(m)) {
    if (catalogue[key] && catalogue[key] !== m[key]) throw new Error(`duplicate message key ${key}`);
    catalogue[key] = m[key]!;
  }
}

/** Every registered key with its texts, for checks over the whole catalogue. */
export function allMessages(): Readonly<Messages> {
  return catalogue;
}

export function hasMessage(key: string): boolean {
  return key in catalogue;
}

export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const entry = catalogue[key];
  const text = entry ? entry[locale] : key;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}

const zodLocales: Record<Locale, () => { localeError: (issue: any) => any }> = {
  'zh-CN': () => z.locales.zhCN(),
  'zh-TW': () => z.locales.zhTW(),
  en: () => z.locales.en(),
};
const zodCache = new Map<Locale, (issue: any) => any>();

/** Message for one zod issue: our i18n key if the schema named one, else zod's own locale text. */
export function zodIssueMessage(locale: Locale, issue: z.core.$ZodIssue): string {
  if (issue.message && hasMessage(issue.message)) return t(locale, issue.message);
  // a missing field reads better as "required" than as a type mismatch
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return t(locale, 'validation.required');
  let fn = zodCache.get(locale);
  if (!fn) {
    fn = zodLocales[locale]().localeError;
    zodCache.set(locale, fn);
  }
  const out = fn(issue);
  if (typeof out === 'string') return out;
  if (out && typeof out.message === 'string') return out.message;
  return issue.message;
}

function localeOfTag(tag: string): Locale | null {
  if (/^en\b/.test(tag)) return 'en';
  if (/^zh-(tw|hk|mo|hant)\b/.test(tag)) return 'zh-TW';
  if (/^zh\b/.test(tag)) return 'zh-CN';
  return null;
}

/** The best supported language of an Accept-Language header, by its q weights (e.g. "fr, en;q=0.8" → en). */
export function pickLocale(header: string | undefined, fallback: Locale = 'zh-CN'): Locale {
  if (!header) return fallback;
  const wanted = header
    .toLowerCase()
    .split(',')
    .map((part, i) => {
      const [tag = '', ...ps] = part.trim().split(';');
      const q = ps.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const w of wanted) {
    const locale = localeOfTag(w.tag);
    if (locale) return locale;
  }
  return fallback;
}
