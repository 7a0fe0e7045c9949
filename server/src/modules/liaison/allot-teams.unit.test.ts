import { describe, expect, it } from 'vitest';
import { allotTeams } from './liaison.demo';

describe('allotTeams', () => {
  it('shares the teams out in proportion to the enterprises, every town with any getting at least one', () => {
    const enterprises = [5000, 3000, 1500, 400, 90, 10];
    const out = allotTeams(enterprises, 1024);
    expect(out.reduce((a, n) => a + n, 0)).toBe(1024);
    expect(out.every((n) => n >= 1)).toBe(true);
    // each within one team of its exact share
    enterprises.forEach((n, i) => expect(Math.abs(out[i]! - (n * 1024) / 10_000)).toBeLessThanOrEqual(1));
  });

  it('gives a town no more teams than it has enterprises, and none to a town without any', () => {
    expect(allotTeams([1000, 2, 0], 100)).toEqual([99, 1, 0]);
    expect(allotTeams([3, 1], 10)).toEqual([3, 1]);
    expect(allotTeams([0, 0], 10)).toEqual([0, 0]);
  });
});
