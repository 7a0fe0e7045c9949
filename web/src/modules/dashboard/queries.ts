import { useQuery } from '@tanstack/react-query';
import type { Coverage, DashboardSummary, ReportAlert, Trend } from '@fugong/contract';
import { api } from '../../app/api';

export interface DashboardParams {
  regionCode?: string;
  date?: string;
}

export const useSummary = (p: DashboardParams) =>
  useQuery({
    queryKey: ['dashboard', 'summary', p],
    queryFn: () => api.get<DashboardSummary>('/api/dashboard/summary', { ...p }),
  });
export const useTrend = (p: DashboardParams, days = 14) =>
  useQuery({ queryKey: ['dashboard', 'trend', p, days], queryFn: () => api.get<Trend>('/api/dashboard/trend', { ...p, days }) });
export const useAlerts = (p: DashboardParams, enabled: boolean) =>
  useQuery({
    queryKey: ['dashboard', 'alerts', p],
    queryFn: () => api.get<ReportAlert[]>('/api/reports/alerts', { ...p }),
    enabled,
  });

/** Liaison coverage of the same region (liaison module's API), for those who may read it. */
export const useLiaisonCoverage = (p: DashboardParams, enabled: boolean) =>
  useQuery({
    queryKey: ['/api/liaison/coverage', p.regionCode ?? null],
    queryFn: () => api.get<Coverage>('/api/liaison/coverage', { regionCode: p.regionCode }),
    enabled,
  });

/** A percent for display: one decimal, a dash when there is nothing to show. */
export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);
