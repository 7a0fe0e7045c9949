import type { RegionTable } from '../db/schema';
import type { DistrictDef } from './districts';
import { makeNamer } from './names';

/** Spread `total` over `buckets` as evenly as possible, larger buckets first. */
function spread(total: number, buckets: number): number[] {
  return Array.from({ length: buckets }, (_, i) => Math.floor(total / buckets) + (i < total % buckets ? 1 : 0));
}

/**
 * District → towns (12-digit codes DDDDDD TTT 000) → communities/villages (DDDDDD TTT CCC)
 * → grids (the community's 12 digits + 3). Community codes 001-199 are 社区, 200+ are 村,
 * following the statistical division coding.
 */
export function buildDistrictRegions(d: DistrictDef): RegionTable[] {
  const name = makeNamer(Number(d.code));
  const rows: RegionTable[] = [];
  const dPath = `/${d.code}/`;
  rows.push({ code: d.code, name: d.name, level: 'district', parentCode: null, path: dPath, depth: 0, sortOrder: 0 });
  const comm = spread(d.communities, d.towns);
  const vill = spread(d.villages, d.towns).reverse();
  for (let t = 0; t < d.towns; t++) {
    const isStreet = t < d.streets;
    const tCode = `${d.code}${String(isStreet ? t + 1 : 100 + t).padStart(3, '0')}000`;
    const tPath = `${dPath}${tCode}/`;
    rows.push({
      code: tCode,
      name: name(isStreet ? '街道' : '镇'),
      level: 'town',
      parentCode: d.code,
      path: tPath,
      depth: 1,
      sortOrder: t,
    });
    const units: { code: string; name: string; grids: number }[] = [];
    for (let c = 0; c < comm[t]!; c++)
      units.push({ code: tCode.slice(0, 9) + String(c + 1).padStart(3, '0'), name: name('社区'), grids: d.gridsPerCommunity });
    for (let v = 0; v < vill[t]!; v++)
      units.push({ code: tCode.slice(0, 9) + String(200 + v).padStart(3, '0'), name: name('村'), grids: d.gridsPerVillage });
    units.forEach((u, i) => {
      const cPath = `${tPath}${u.code}/`;
      rows.push({ code: u.code, name: u.name, level: 'community', parentCode: tCode, path: cPath, depth: 2, sortOrder: i });
      for (let g = 0; g < u.grids; g++) {
        const gCode = u.code + String(g + 1).padStart(3, '0');
        rows.push({
          code: gCode,
          name: `第${g + 1}网格`,
          level: 'grid',
          parentCode: u.code,
          path: `${cPath}${gCode}/`,
          depth: 3,
          sortOrder: g,
        });
      }
    });
  }
  return rows;
}
