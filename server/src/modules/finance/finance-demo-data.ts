import { rng } from '../../demo/random';

/** The seeds' figures the demo's records reproduce (read back by finance-demo.test.ts). */
export const financeSeedFigures = {
  /** 000: 为200余家企业、16家驻蓟金融机构搭建了银企对接平台,先后解决融资需求12.6亿元; 办理临时性延期还本付息2.7亿元 */
  jizhou: { code: '120119', enterprises: 208, institutions: 16, disbursedFen: 126_000_000_000, deferralFen: 27_000_000_000 },
  /** 001: 協調金融機構為7家企業辦理9.1億元貸款轉續貸 */
  fengze: { code: '350503', rolloverEnterprises: 7, rolloverFen: 91_000_000_000 },
  /** 004: 工商銀行3000萬元已到位 交通銀行3000萬元已到位 … 24小時 … 1億元款項當天發放到位 */
  furong: { code: '430102', flashFen: 10_000_000_000, whitelisted: 30 },
  panzhihua: { code: '510402' },
} as const;

export const jizhouInstitutions: [string, 'bank' | 'rural_bank' | 'guarantee' | 'microloan' | 'insurance'][] = [
  ['中国工商银行', 'bank'],
  ['中国农业银行', 'bank'],
  ['中国银行', 'bank'],
  ['中国建设银行', 'bank'],
  ['交通银行', 'bank'],
  ['中国邮政储蓄银行', 'bank'],
  ['天津农村商业银行', 'rural_bank'],
  ['天津银行', 'bank'],
  ['渤海银行', 'bank'],
  ['上海浦东发展银行', 'bank'],
  ['中信银行', 'bank'],
  ['中国民生银行', 'bank'],
  ['中国光大银行', 'bank'],
  ['蓟州村镇银行', 'rural_bank'],
  ['蓟州区融资担保公司', 'guarantee'],
  ['蓟州区小额贷款公司', 'microloan'],
];

/** Splits `total` fen into `n` amounts in whole 10,000 yuan, unevenly, summing exactly. */
export function splitAmounts(total: number, n: number, seed: number): number[] {
  const unit = 1_000_000; // 1万元 in fen
  const units = Math.round(total / unit);
  const r = rng(seed);
  const weights = Array.from({ length: n }, () => 20 + r.int(0, 180));
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.max(1, Math.floor((w * units) / sum)));
  let left = units - out.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n, left--) out[i]! += 1;
  return out.map((u) => u * unit);
}

/** 7 rollovers: 2.2 + 1.8 + 1.5 + 1.2 + 1.0 + 0.8 + 0.6 = 9.1 亿 */
export const fengzeRollovers = [22, 18, 15, 12, 10, 8, 6].map((x) => x * 1_000_000_000);
