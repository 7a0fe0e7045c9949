import { useQuery } from '@tanstack/react-query';
import type { DashboardSummary, ReportAlert, Trend } from '@fugong/contract';
import { api } from '../../app/api';

export interface DashboardParams {
  regionCode?: string;
  date?: string;
}

export const useSummary = (p: DashboardParams) => useQuery({ queryKey: ['dashboard', 'summary', p], queryFn: () => api.get<DashboardSummary>('/api/dashboard/summary', { ...p }) });
export const useTrend = (p: DashboardParams, days = 14) => useQuery({ queryKey: ['dashboard', 'trend', p, days], queryFn: () => api.get<Trend>('/api/dashboard/trend', { ...p, days }) });
export const useAlerts = (p: DashboardParams, enabled: boolean) =>
  useQuery({ queryKey: ['dashboard', 'alerts', p], queryFn: () => api.get<ReportAlert[]>('/api/reports/alerts', { ...p }), enabled });

/** A percent for display: one decimal, a dash when there is nothing to show. */
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);
