import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LOCALES, type AppLocale } from '../app/i18n';
import { LOCALE_LABELS, chooseLocale, currentLocale } from '../app/locale';

/** Compact language picker for pages outside the staff layout (public forms, kiosks); remembered in this browser. */
export function LanguageSwitch({ rememberForUser = false }: { rememberForUser?: boolean }) {
  useTranslation(); // re-render when the language changes
  return (
    <Select<AppLocale>
      size="small"
      value={currentLocale()}
      onChange={(l) => void chooseLocale(l, rememberForUser)}
      options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))}
      style={{ width: 110 }}
      aria-label="Language / 语言"
      popupMatchSelectWidth={false}
    />
  );
}
