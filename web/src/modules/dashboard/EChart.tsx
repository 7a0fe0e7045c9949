import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './charts';

/**
 * One chart on echarts/core (only the registered charts are bundled). A thin wrapper of our own:
 * echarts-for-react's ESM build pulls in tslib, which the app does not otherwise need.
 */
export function EChart({ option, style }: { option: EChartsCoreOption; style?: React.CSSProperties }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={el} style={{ width: '100%', height: '100%', ...style }} />;
}
