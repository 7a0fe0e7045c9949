import type { ReactNode } from 'react';

/** One headline figure on the command dashboard 大屏: label, big value, a line below. */
export function ScreenCard({
  label,
  value,
  sub,
  danger,
  testId,
}: {
  label: ReactNode;
  value: string;
  sub: ReactNode;
  danger?: boolean;
  testId?: string;
}) {
  return (
    <div className={`fg-screen-card${danger ? ' danger' : ''}`} data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      <div className="sub">{sub}</div>
    </div>
  );
}
