import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale as AntLocale } from 'antd/es/locale';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import i18n, { LOCALES, type AppLocale } from './i18n';
import { api, setApiLocale } from './api';

const antLocales: Record<AppLocale, AntLocale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };
const dayjsLocales: Record<AppLocale, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };
const STORAGE_KEY = 'fugong.locale';

/** Labels for the language switch, each in its own language. */
export const LOCALE_LABELS: Record<AppLocale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

export function isAppLocale(l: unknown): l is AppLocale {
  return typeof l === 'string' && (LOCALES as readonly string[]).includes(l);
}

export function currentLocale(): AppLocale {
  return isAppLocale(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switch the interface language here and now (i18n, API x-locale header, dayjs, <html lang>, localStorage). */
export function applyLocale(locale: AppLocale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  setApiLocale(locale);
  dayjs.locale(dayjsLocales[locale]);
  document.documentElement.lang = locale;
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

/** Switch language and remember it for the signed-in user (best effort: the switch stands even if saving fails). */
export async function chooseLocale(locale: AppLocale, signedIn: boolean): Promise<void> {
  applyLocale(locale);
  if (signedIn) await api.put('/api/auth/locale', { locale }).catch(() => undefined);
}

/** antd ConfigProvider and App context following the i18next language. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<AppLocale>(currentLocale);
  useEffect(() => {
    applyLocale(currentLocale());
    document.title = i18n.t('common:app.name');
    const onChange = (l: string) => {
      if (!isAppLocale(l)) return;
      setLocale(l);
      document.title = i18n.t('common:app.name');
    };
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  return (
    <ConfigProvider locale={antLocales[locale]} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
