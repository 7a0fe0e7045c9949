import { useMemo, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@fugong/contract';
import { ApiError, api, setCsrfToken } from './api';
import { ME_KEY } from './query-client';
import { applyLocale, isAppLocale } from './locale';
import { FullPageSpin } from '../components/FullPageSpin';
import { ErrorState } from '../components/ErrorState';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The signed-in user (null when signed out); `undefined` while the first check is in flight. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** The signed-in user inside the staff layout, where the guard has already made sure there is one. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

/** The current user's permissions as a set, for showing only the buttons that will work. */
export function usePermissions(): ReadonlySet<string> {
  const { data } = useMe();
  return useMemo(() => new Set(data?.permissions ?? []), [data]);
}

/** Sign-in and sign-out that keep the cached user, CSRF token and language in step. */
export function useSession() {
  const qc = useQueryClient();
  return {
    async signIn(username: string, password: string): Promise<Me> {
      const me = await api.post<Me>('/api/auth/login', { username, password });
      setCsrfToken(me.csrfToken);
      // the language a user chose last time follows them to any device
      if (isAppLocale(me.locale)) applyLocale(me.locale);
      qc.clear();
      qc.setQueryData(ME_KEY, me);
      return me;
    },
    async signOut(): Promise<void> {
      await api.post('/api/auth/logout').catch(() => undefined);
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  };
}

export const CHANGE_PASSWORD_PATH = '/password';

/** Staff pages only for signed-in users; a user with a temporary password must change it first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return children;
}
