import type { Locale } from '@fugong/contract';
import type { Actor } from './permissions';

/** What a service needs to know about the request that called it: who, from where, in which language. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  requestId: string | null;
  locale: Locale;
}

export function systemContext(locale: Locale = 'zh-CN'): RequestContext {
  return { actor: null, ip: null, requestId: null, locale };
}
