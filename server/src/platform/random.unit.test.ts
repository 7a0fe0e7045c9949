import { describe, expect, it } from 'vitest';
import { randomBytes } from './random';

describe('pooled random bytes', () => {
  it('hands out bytes of the asked length that are never handed out twice, across pool refills', () => {
    const seen = new Set<string>();
    // 16-byte values: a repeat among 2,000 of them would mean a reused slice of the pool
    for (let i = 0; i < 2_000; i++) {
      const b = randomBytes(16);
      expect(b.length).toBe(16);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(2_000);
  });

  it('keeps a returned buffer unchanged when the pool is refilled', () => {
    const first = randomBytes(12);
    const copy = Buffer.from(first);
    for (let i = 0; i < 1_000; i++) randomBytes(12);
    expect(first.equals(copy)).toBe(true);
  });

  it('spreads byte values over the whole range', () => {
    const counts = new Array(256).fill(0);
    for (let i = 0; i < 400; i++) for (const x of randomBytes(64)) counts[x]++;
    // 25,600 bytes: each value expected 100 times; none should be absent or five times too common
    expect(Math.min(...counts)).toBeGreaterThan(20);
    expect(Math.max(...counts)).toBeLessThan(500);
  });

  it('serves large requests directly', () => {
    expect(randomBytes(5_000).length).toBe(5_000);
  });
});
