/**
 * The five seed districts: GB/T 2260 codes and the number of towns/streets, villages and
 * communities. Jizhou's counts are the seed's own (27 镇乡街, 949 行政村, 278 社区); the others
 * are in the range those districts report publicly.
 */
export interface DistrictDef {
  code: string;
  name: string;
  shortName: string;
  /** name of the city it belongs to, for display */
  city: string;
  towns: number;
  /** how many of the towns are streets (街道); the rest are towns (镇/乡) */
  streets: number;
  villages: number;
  communities: number;
  gridsPerCommunity: number;
  gridsPerVillage: number;
}

export const demoDistricts: DistrictDef[] = [
  {
    code: '120119',
    name: '蓟州区',
    shortName: 'jizhou',
    city: '天津市',
    towns: 27,
    streets: 1,
    villages: 949,
    communities: 278,
    gridsPerCommunity: 2,
    gridsPerVillage: 1,
  },
  {
    code: '350503',
    name: '丰泽区',
    shortName: 'fengze',
    city: '泉州市',
    towns: 8,
    streets: 8,
    villages: 0,
    communities: 76,
    gridsPerCommunity: 4,
    gridsPerVillage: 1,
  },
  {
    code: '230506',
    name: '宝山区',
    shortName: 'baoshan',
    city: '双鸭山市',
    towns: 6,
    streets: 4,
    villages: 18,
    communities: 27,
    gridsPerCommunity: 3,
    gridsPerVillage: 1,
  },
  {
    code: '510402',
    name: '东区',
    shortName: 'panzhihua',
    city: '攀枝花市',
    towns: 11,
    streets: 10,
    villages: 12,
    communities: 61,
    gridsPerCommunity: 3,
    gridsPerVillage: 1,
  },
  {
    code: '430102',
    name: '芙蓉区',
    shortName: 'furong',
    city: '长沙市',
    towns: 13,
    streets: 13,
    villages: 0,
    communities: 84,
    gridsPerCommunity: 3,
    gridsPerVillage: 1,
  },
];
