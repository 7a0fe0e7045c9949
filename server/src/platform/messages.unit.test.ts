import { describe, expect, it } from 'vitest';
import { allMessages } from './i18n/index';
// building the services imports every module, and with it every module's messages
import '../services';

// Characters that exist only in simplified Chinese (the traditional form differs: 们/們, 这/這 …).
const SIMPLIFIED_ONLY =
  '们这说时为对请个会发过无与记录码号证门区县乡务业专单计设认资产报审权员输该须开关页网络电话间确验检测疗药医卫复联级状态数据导额变动车辆场馆预约观现实见处罚执规则条经营';
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const entries = Object.entries(allMessages());

describe('the message catalogue of all modules', () => {
  it('holds the platform’s and the modules’ messages', () => {
    expect(entries.length).toBeGreaterThan(40);
  });

  it.each(entries)('%s is in all three languages with the same placeholders', (_, m) => {
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) expect(m[locale]?.trim(), locale).toBeTruthy();
    expect(placeholders(m['zh-TW'])).toEqual(placeholders(m['zh-CN']));
    expect(placeholders(m.en)).toEqual(placeholders(m['zh-CN']));
    // English text carries no Chinese (placeholders and quoted data aside)
    expect(m.en.replace(/\{\w+\}/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
    // zh-TW is a Traditional translation, not a copy of the Simplified text
    const copied = [...m['zh-TW']].filter((c) => SIMPLIFIED_ONLY.includes(c));
    expect(copied, m['zh-TW']).toEqual([]);
  });
});
