import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export interface StatusStyle {
  color: string;
  /** i18n key with namespace, e.g. 'filings:status.submitted' */
  labelKey: string;
}

/** A coloured tag for an enum value, looked up in a module's map of value → colour and label. */
export function StatusTag<T extends string>({ value, map, testId }: { value: T; map: Record<T, StatusStyle>; testId?: string }) {
  const { t } = useTranslation();
  const style = map[value];
  return style ? (
    <Tag color={style.color} data-testid={testId}>
      {t(style.labelKey)}
    </Tag>
  ) : (
    <Tag data-testid={testId}>{value}</Tag>
  );
}
