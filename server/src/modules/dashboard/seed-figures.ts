import type { MetricCategory } from '@fugong/contract';

/**
 * What the seeds said at their press conferences, per district and date: the figures the demo
 * reproduces from records and the seed-figures test reads back from the API.
 * `rate` figures are percents to one decimal; counts are exact.
 */
export interface SeedFigure {
  /** 'category' rows or 'sector' rows of the dashboard summary */
  in: 'categories' | 'sectors';
  key: MetricCategory | 'primary' | 'secondary' | 'tertiary';
  field: 'resumptionRate' | 'capacityRate' | 'attendanceRate' | 'resumed' | 'total' | 'staffOnDuty' | 'fromOtherProvinces';
  value: number;
  /** the seed's words */
  says: string;
}

export interface SeedDistrict {
  code: string;
  date: string;
  figures: SeedFigure[];
}

export const seedDistricts: SeedDistrict[] = [
  {
    code: '120119',
    date: '2020-04-03',
    figures: [
      { in: 'categories', key: 'industrial', field: 'total', value: 667, says: '全区667家工业企业' },
      { in: 'categories', key: 'industrial', field: 'resumptionRate', value: 100, says: '全部复工' },
      { in: 'categories', key: 'industrial', field: 'capacityRate', value: 96, says: '复产率达到96%' },
      { in: 'categories', key: 'industrialAboveScale', field: 'resumptionRate', value: 100, says: '规上企业复工率100%' },
      { in: 'categories', key: 'industrialAboveScale', field: 'capacityRate', value: 100, says: '规上企业复产率100%' },
      { in: 'categories', key: 'commerce', field: 'resumptionRate', value: 93, says: '商贸服务业复工率达到93%' },
      { in: 'categories', key: 'commerce', field: 'resumed', value: 11_002, says: '累计复工1.1万家' },
      { in: 'categories', key: 'commerceAboveQuota', field: 'resumptionRate', value: 100, says: '限上商贸服务业企业复工率100%' },
      { in: 'categories', key: 'smallMicro', field: 'resumptionRate', value: 95.5, says: '中小微企业复工率95.5%' },
      { in: 'categories', key: 'individual', field: 'resumptionRate', value: 91.8, says: '个体工商户复工率91.8%' },
      { in: 'categories', key: 'agriculture', field: 'resumptionRate', value: 100, says: '农业企业复工率100%' },
    ],
  },
  {
    code: '350503',
    date: '2020-03-06',
    figures: [
      { in: 'categories', key: 'overall', field: 'resumed', value: 13_595, says: '已開復工企業數13595家' },
      { in: 'categories', key: 'fourAbove', field: 'resumed', value: 722, says: '四上企業722家' },
      { in: 'categories', key: 'fourBelow', field: 'resumed', value: 5_561, says: '四下企業5561家' },
      { in: 'categories', key: 'individual', field: 'resumed', value: 7_312, says: '個體戶7312家' },
      { in: 'categories', key: 'overall', field: 'staffOnDuty', value: 90_887, says: '在崗員工90887人' },
      { in: 'categories', key: 'overall', field: 'fromOtherProvinces', value: 11_272, says: '其中省外員工11272人' },
    ],
  },
  {
    code: '510402',
    date: '2020-03-11',
    figures: [
      { in: 'sectors', key: 'primary', field: 'resumptionRate', value: 95, says: '一产经营主体复工率达到95%' },
      { in: 'categories', key: 'industrialAboveScale', field: 'resumptionRate', value: 100, says: '二产规模以上企业复工率100%' },
      { in: 'categories', key: 'industrialAboveScale', field: 'resumed', value: 62, says: '62家规模以上工业企业全部复工复产' },
      { in: 'categories', key: 'servicesAboveScale', field: 'resumptionRate', value: 90.7, says: '三产规模以上企业复工率90.7%' },
      { in: 'categories', key: 'keyProject', field: 'total', value: 71, says: '71个续建项目' },
      { in: 'categories', key: 'keyProject', field: 'resumed', value: 66, says: '66个项目已复工开工' },
    ],
  },
  {
    code: '430102',
    date: '2020-03-02',
    figures: [
      { in: 'categories', key: 'industrialAboveScale', field: 'resumptionRate', value: 100, says: '規上工業企業復工率100%' },
      { in: 'categories', key: 'industrialAboveScale', field: 'attendanceRate', value: 92, says: '員工到崗率92%' },
      { in: 'categories', key: 'servicesAboveScale', field: 'resumptionRate', value: 93, says: '規上服務業復工率93%' },
      { in: 'categories', key: 'servicesAboveScale', field: 'attendanceRate', value: 89, says: '員工到崗率89%' },
    ],
  },
  {
    code: '230506',
    date: '2020-03-18',
    figures: [{ in: 'categories', key: 'enterprise', field: 'resumed', value: 110, says: '全区开复工企业共计110家' }],
  },
];
