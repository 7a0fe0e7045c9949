import { describe, expect, it } from 'vitest';
import { money } from './labels';

describe('money', () => {
  it('reads like the press figures', () => {
    expect(money(674_900_000, 'CNY', 'zh-CN')).toBe('674.9万元');
    expect(money(27_000_000_000, 'CNY', 'zh-CN')).toBe('2.7亿元');
    expect(money(428_280_000, 'CNY', 'zh-CN')).toBe('428.28万元');
    expect(money(2_196_000_000, 'USD', 'zh-CN')).toBe('2196万美元');
    expect(money(1_562_730_000, 'CNY', 'zh-TW')).toBe('1562.73萬元');
    expect(money(123_456, 'CNY', 'en')).toBe('¥1,234.56');
  });
});
