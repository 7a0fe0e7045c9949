import { describe, expect, it } from 'vitest';
import { filingConfigSchema } from '@fugong/contract';
import { defaultFilingConfig, routeFor } from './filing-config';
import { sniffType, typeFromName } from '../../platform/files';
import { scoreQuiz } from './quiz-scoring';
import { commitmentHash } from './commitment';

const base = { kind: 'enterprise' as const, smallVenueType: null, sector: 'tertiary' as const, industry: null as string | null };

describe('routing a filing by category', () => {
  it('the default configuration is valid', () => {
    expect(filingConfigSchema.safeParse(defaultFilingConfig).success).toBe(true);
  });
  it('sends every 五小单位 to an on-site review, whatever its kind or industry', () => {
    for (const t of ['small_restaurant', 'small_food_shop', 'small_supermarket', 'small_barbershop', 'small_pharmacy'] as const) {
      expect(routeFor(defaultFilingConfig, { ...base, kind: 'individual', smallVenueType: t, industry: '零售业' }).route).toBe(
        'onsite',
      );
    }
  });
  it('puts commerce enterprises into their risk batch', () => {
    expect(routeFor(defaultFilingConfig, { ...base, industry: '零售业' })).toMatchObject({
      route: 'batch',
      batchNo: 1,
      department: 'commerce',
    });
    expect(routeFor(defaultFilingConfig, { ...base, industry: '餐饮业' })).toMatchObject({ route: 'batch', batchNo: 4 });
    expect(routeFor(defaultFilingConfig, { ...base, industry: '居民服务业' })).toMatchObject({ route: 'batch', batchNo: 5 });
  });
  it('reviews industry online, lets individual businesses resume on filing, falls back to online', () => {
    expect(routeFor(defaultFilingConfig, { ...base, sector: 'secondary', industry: '制造业' })).toMatchObject({
      route: 'online',
      department: 'industry',
      whitelistFastTrack: true,
    });
    expect(routeFor(defaultFilingConfig, { ...base, kind: 'individual', industry: '零售业' }).route).toBe('commitment');
    expect(routeFor(defaultFilingConfig, { ...base, industry: '信息传输和软件服务业' })).toMatchObject({
      route: 'online',
      ruleName: null,
    });
  });
  it('takes the first matching rule', () => {
    const cfg = structuredClone(defaultFilingConfig);
    cfg.rules.unshift({
      name: 'all',
      match: { kinds: [], smallVenueTypes: [], sectors: [], industries: [] },
      route: 'commitment',
      batchNo: null,
      department: null,
      whitelistFastTrack: false,
      checklistKey: 'general',
    });
    expect(routeFor(cfg, { ...base, kind: 'individual', smallVenueType: 'small_restaurant' }).route).toBe('commitment');
  });
});

describe('attachment types are read from the bytes', () => {
  it('recognises pdf, png, jpg and docx and nothing else', () => {
    expect(sniffType(Buffer.from('%PDF-1.7 ...'))).toBe('pdf');
    expect(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('....[Content_Types].xml....word/document.xml'),
    ]);
    expect(sniffType(zip)).toBe('docx');
    expect(sniffType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml')]))).toBeNull();
    expect(sniffType(Buffer.from('MZ\x90\x00'))).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });
  it('maps names to types case-insensitively', () => {
    expect(typeFromName('A.JPEG')).toBe('jpg');
    expect(typeFromName('plan.docx')).toBe('docx');
    expect(typeFromName('plan.doc')).toBeNull();
    expect(typeFromName('pdf')).toBeNull();
  });
});

describe('quiz and commitment', () => {
  it('scores in percent against the pass mark', () => {
    const quiz = { passMark: 80, questions: [0, 1, 2, 0, 1].map((answer) => ({ text: 'q', options: ['a', 'b', 'c'], answer })) };
    expect(scoreQuiz(quiz, [0, 1, 2, 0, 1])).toEqual({ correct: 5, total: 5, score: 100, passed: true });
    expect(scoreQuiz(quiz, [0, 1, 2, 0, 0])).toMatchObject({ score: 80, passed: true });
    expect(scoreQuiz(quiz, [0, 1, 2, 1, 0])).toMatchObject({ score: 60, passed: false });
  });
  it('seals text, signer and time together', () => {
    const h = commitmentHash('承诺', '张三', '2026-03-01T00:00:00.000Z');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(commitmentHash('承诺', '张三', '2026-03-01T00:00:00.001Z')).not.toBe(h);
    expect(commitmentHash('承诺 ', '张三', '2026-03-01T00:00:00.000Z')).not.toBe(h);
    // the fields cannot be shifted into one another
    expect(commitmentHash('承诺张', '三', '2026-03-01T00:00:00.000Z')).not.toBe(h);
  });
});
