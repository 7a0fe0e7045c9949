import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

export const ME_KEY = ['auth', 'me'] as const;

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // retrying a 4xx only repeats the same answer
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
  queryCache: new QueryCache({
    // an expired session surfaces on any call: re-check who we are, and the guard sends us to /login
    onError: (err, query) => {
      if (query.queryHash !== JSON.stringify(ME_KEY)) recheckSession(err);
    },
  }),
  mutationCache: new MutationCache({ onError: (err) => recheckSession(err) }),
});

function recheckSession(err: unknown) {
  if (err instanceof ApiError && err.status === 401) void queryClient.invalidateQueries({ queryKey: ME_KEY });
}
