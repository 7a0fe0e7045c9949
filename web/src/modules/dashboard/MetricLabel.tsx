import { Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** A category or rate name with its definition (docs/METRICS.md) as a tooltip. */
export function MetricLabel({ kind, k }: { kind: 'category' | 'rate' | 'sector'; k: string }) {
  const { t } = useTranslation('dashboard');
  const def = t(`definition.${kind}.${k}`, { defaultValue: '' });
  const label = t(`${kind}.${k}`, { defaultValue: k });
  if (!def) return <>{label}</>;
  return (
    <Tooltip title={def}>
      <span style={{ cursor: 'help' }}>
        {label} <QuestionCircleOutlined style={{ fontSize: '0.8em', opacity: 0.6 }} />
      </span>
    </Tooltip>
  );
}
