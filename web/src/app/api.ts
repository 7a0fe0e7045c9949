import type { ErrorBody, Page } from '@fugong/contract';

/** An API error with the server's stable code, localised message and per-field messages. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;
let currentLocale = 'zh-CN';
export function setCsrfToken(t: string | null) {
  csrfToken = t;
}
export function setApiLocale(l: string) {
  currentLocale = l;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

async function request<T>(method: string, url: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { 'x-locale': currentLocale, ...((init.headers as Record<string, string>) ?? {}) };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { ...init, method, headers, body: payload, credentials: 'same-origin' });
  if (!res.ok) {
    let err: Partial<ErrorBody> = {};
    try {
      err = await res.json();
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, err.code ?? 'common.internal', err.message ?? res.statusText, err.fields ?? []);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('application/json') ? res.json() : res.blob()) as Promise<T>;
}

export const api = {
  get: <T>(url: string, query?: Query) => request<T>('GET', withQuery(url, query)),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body),
  put: <T>(url: string, body?: unknown) => request<T>('PUT', url, body),
  patch: <T>(url: string, body?: unknown) => request<T>('PATCH', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
  /** Download a file (e.g. an .xlsx export) and save it under `filename`. */
  async download(url: string, filename: string, query?: Query): Promise<void> {
    const blob = await request<Blob>('GET', withQuery(url, query));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  },
};
export type { Page };
