import type { ApplicationStatus, PackageStatus, PolicyCurrency } from '@fugong/contract';
import { statusStyles } from '../../components/status-styles';

export const applicationStatusStyles = statusStyles<ApplicationStatus>('policies:appStatus', {
  submitted: 'blue',
  more_requested: 'orange',
  approved: 'cyan',
  rejected: 'default',
  paid: 'green',
});
export const packageStatusStyles = statusStyles<PackageStatus>('policies:packageStatus', {
  draft: 'default',
  published: 'green',
  withdrawn: 'red',
});

/** Minor units (fen or US cents) as the amount the press figures quote: 674.9万 / 2.7亿 in Chinese, plain grouping in English. */
export function money(minor: number, currency: PolicyCurrency, lang: string): string {
  const major = minor / 100;
  const sign = currency === 'USD' ? 'US$' : '¥';
  if (lang.startsWith('zh')) {
    const unit = currency === 'USD' ? (lang === 'zh-TW' ? '美元' : '美元') : '元';
    if (major >= 1e8) return `${+(major / 1e8).toFixed(4)}亿${unit}`.replace('亿', lang === 'zh-TW' ? '億' : '亿');
    if (major >= 1e4) return `${+(major / 1e4).toFixed(2)}${lang === 'zh-TW' ? '萬' : '万'}${unit}`;
    return `${major.toLocaleString('zh-CN')}${unit}`;
  }
  return `${sign}${major.toLocaleString('en', { maximumFractionDigits: 2 })}`;
}
