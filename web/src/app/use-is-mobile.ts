import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 768px)';

/** True on phone-sized screens (≤ 768 px), where the side menu becomes a drawer. */
export function useIsMobile(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const mq = window.matchMedia(QUERY);
      mq.addEventListener('change', notify);
      return () => mq.removeEventListener('change', notify);
    },
    () => window.matchMedia(QUERY).matches,
  );
}
