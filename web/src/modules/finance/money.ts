/** Fen → "1,234.56" yuan; amounts of 万 and 亿 read better as such on cards. */
export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export function bigYuan(fen: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  const y = fen / 100;
  if (y >= 1e8) return t('unit.yi', { n: (y / 1e8).toFixed(2).replace(/\.?0+$/, '') });
  if (y >= 1e4) return t('unit.wan', { n: (y / 1e4).toFixed(1).replace(/\.0$/, '') });
  return t('unit.yuan', { n: y.toFixed(2) });
}
/** Yuan typed in a form → integer fen (no float drift). */
export const toFen = (y: number) => Math.round(y * 100);
