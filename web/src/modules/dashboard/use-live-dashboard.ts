import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** Events after which the dashboard's figures may have changed. */
export const LIVE_EVENTS = ['reports.submitted', 'reports.alert', 'filings.status_changed', 'registry.entity_created'] as const;

/**
 * Keeps the dashboard queries fresh from the server's event stream: each relevant event
 * refetches them (at most once a second, so a burst of reports is one refresh).
 * Returns the number of events seen and the last one's type, for the live indicator.
 */
export function useLiveDashboard(): { connected: boolean; events: number; last: string | null } {
  const qc = useQueryClient();
  const [state, setState] = useState({ connected: false, events: 0, last: null as string | null });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const es = new EventSource('/api/events');
    const refresh = () => {
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void qc.invalidateQueries({ queryKey: ['dashboard'] });
      }, 1000);
    };
    const on = (e: MessageEvent) => {
      setState((s) => ({ connected: true, events: s.events + 1, last: e.type }));
      refresh();
    };
    es.onopen = () => setState((s) => ({ ...s, connected: true }));
    es.onerror = () => setState((s) => ({ ...s, connected: false }));
    for (const type of LIVE_EVENTS) es.addEventListener(type, on);
    return () => {
      es.close();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [qc]);
  return state;
}
