import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

// Every web/src/locales/<locale>/<namespace>.json is bundled; the namespace is the module name.
const files = import.meta.glob('../locales/*/*.json', { eager: true, import: 'default' }) as Record<
  string,
  Record<string, unknown>
>;
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, data] of Object.entries(files)) {
  const m = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file);
  if (!m) continue;
  (resources[m[1]!] ??= {})[m[2]!] = data;
}

export function initialLocale(): AppLocale {
  const saved = localStorage.getItem('fugong.locale');
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as AppLocale;
  const nav = navigator.language.toLowerCase();
  if (nav.startsWith('en')) return 'en';
  if (/^zh-(tw|hk|mo|hant)/.test(nav)) return 'zh-TW';
  return 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  ns: Object.keys(resources['zh-CN'] ?? { common: {} }),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
