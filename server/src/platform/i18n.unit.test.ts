import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasMessage, pickLocale, registerMessages, t, zodIssueMessage } from './i18n/index';

describe('t', () => {
  it('fills parameters in each language', () => {
    expect(t('en', 'users.username_taken', { username: 'wang' })).toBe('The username "wang" is taken');
    expect(t('zh-CN', 'users.username_taken', { username: 'wang' })).toBe('用户名“wang”已被使用');
    expect(t('zh-TW', 'auth.locked', { minutes: 15 })).toBe('登入失敗次數過多，帳號已鎖定，請 15 分鐘後再試');
  });

  it('leaves a missing parameter visible and an unknown key as the key', () => {
    expect(t('en', 'regions.unknown')).toBe('Unknown region code {code}');
    expect(t('en', 'no.such.key')).toBe('no.such.key');
  });

  it('takes module messages and refuses a conflicting duplicate', () => {
    const m = { 'i18ntest.hello': { 'zh-CN': '你好 {n}', 'zh-TW': '你好 {n}', en: 'Hello {n}' } };
    registerMessages(m);
    registerMessages(m);
    expect(hasMessage('i18ntest.hello')).toBe(true);
    expect(t('en', 'i18ntest.hello', { n: 2 })).toBe('Hello 2');
    expect(() => registerMessages({ 'i18ntest.hello': { 'zh-CN': '另', 'zh-TW': '另', en: 'Other' } })).toThrow(
      /duplicate message key/,
    );
  });
});

describe('pickLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK,zh;q=0.9', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-Hans-CN', 'zh-CN'],
    ['fr-FR,en;q=0.8', 'en'],
    ['en;q=0.5,zh-TW;q=0.9', 'zh-TW'],
    ['de, ja', 'zh-CN'],
    ['english', 'zh-CN'],
    ['en;q=0, zh-TW', 'zh-TW'],
  ])('%j → %s', (header, locale) => {
    expect(pickLocale(header)).toBe(locale);
  });

  it('uses the given fallback', () => {
    expect(pickLocale('de', 'en')).toBe('en');
  });
});

describe('zodIssueMessage', () => {
  const issue = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;
  it('uses our key when the schema names one, "required" for a missing field, else zod’s own text', () => {
    expect(zodIssueMessage('en', issue(z.string().min(3, 'validation.username'), 'a'))).toBe(
      'Usernames are 3–32 letters, digits or _ . -',
    );
    expect(zodIssueMessage('zh-CN', issue(z.object({ a: z.string() }), {}))).toBe('必填');
    expect(zodIssueMessage('en', issue(z.string().max(2), 'abc'))).toMatch(/too big|2/i);
    expect(zodIssueMessage('zh-CN', issue(z.string().max(2), 'abc'))).toMatch(/[\u4e00-\u9fff]/);
  });
});
