/** The seeds' labour figures the demo records and `labour.demo.test.ts` reads back through the API. */
export const labourDemoPlan = {
  users: [
    { username: 'labour', displayName: '蓟州区人社局', district: '120119', department: 'labour', where: '蓟州区 人社局' },
    { username: 'labour-fengze', displayName: '丰泽区人社局', district: '350503', department: 'labour', where: '丰泽区 人社局' },
    {
      username: 'commerce-fengze',
      displayName: '丰泽区商务局',
      district: '350503',
      department: 'commerce',
      where: '丰泽区 商务局',
    },
    { username: 'labour-furong', displayName: '芙蓉区人社局', district: '430102', department: 'labour', where: '芙蓉区 人社局' },
  ],
  /** seed 000: 2月24日“春风行动”全媒体直播招聘会，12万人收看，达成就业意向500余人；“云招聘”9场，解决用工1249人；甘肃、重庆、贵州131名务工人员点对点 */
  jizhou: {
    district: '120119',
    live: { name: '“春风行动”全媒体直播招聘会', startsOn: '2020-02-24', endsOn: '2020-02-24', viewers: 120_000, intentions: 500 },
    onlineFairs: 9,
    /** not in the seed: a fair open today, so the hiring journey runs on the demo */
    current: { name: '蓟州区“春风行动”常态化线上招聘', employer: 'employer' },
    hires: 1249,
    transport: [
      {
        province: '甘肃省',
        city: '定西市',
        areaCode: '621102',
        departOn: '2020-03-02',
        vehicle: '甘J 大巴 1',
        seats: 49,
        workers: 45,
      },
      {
        province: '甘肃省',
        city: '天水市',
        areaCode: '620502',
        departOn: '2020-03-06',
        vehicle: '甘E 中巴',
        seats: 19,
        workers: 12,
      },
      {
        province: '重庆市',
        city: '万州区',
        areaCode: '500101',
        departOn: '2020-03-04',
        vehicle: '渝F 大巴',
        seats: 49,
        workers: 44,
      },
      {
        province: '贵州省',
        city: '毕节市',
        areaCode: '520502',
        departOn: '2020-03-08',
        vehicle: '贵F 大巴',
        seats: 35,
        workers: 30,
      },
    ],
  },
  /** seed 001: 370多家辖区用工企业上线，发布招聘岗位超4000个；商超“共享员工” */
  fengze: {
    district: '350503',
    fair: { name: '丰泽区“春风行动”线上招聘活动', startsOn: '2020-02-15', endsOn: '2020-03-31' },
    enterprises: 370,
    postings: 4000,
    placements: [30, 25, 20, 15, 10],
  },
  /** seed 004: 人社局开启线上春风行动，已发布企业职位5500余个 */
  furong: { district: '430102', enterprises: 550, postings: 5500 },
  /** seed 002: 对农民就业意愿情况进行全面摸排 */
  baoshan: { district: '230506', householdsPerGrid: 4 },
} as const;
