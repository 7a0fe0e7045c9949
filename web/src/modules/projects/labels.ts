import type { ProjectStatus } from '@fugong/contract';

export const statusColor: Record<ProjectStatus, string> = { not_resumed: 'default', resumed: 'green', suspended: 'red' };

/** Fen shown as 万元 with two decimals, the unit investment is quoted in. */
export const yuanText = (fen: number) => (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
