import type { Locale } from '@fugong/contract';

/** Message key → text per locale; apart from index.ts because index.ts imports the platform's messages, which use it. */
export type Messages = Record<string, Record<Locale, string>>;
