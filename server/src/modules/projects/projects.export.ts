import type { KeyProject, Locale, ProjectApproval } from '@fugong/contract';
import { columnsIn, toXlsx } from '../../platform/excel';
import { t } from '../../platform/i18n/index';

const levelText = {
  provincial: ['省级', '省級', 'Provincial'],
  city: ['市级', '市級', 'City'],
  district: ['区级', '區級', 'District'],
};
const phaseText = { new: ['新建', '新建', 'New'], continuing: ['续建', '續建', 'Continuing'] };
const statusText = {
  not_resumed: ['未复工', '未復工', 'Not resumed'],
  resumed: ['已复工', '已復工', 'Resumed'],
  suspended: ['停工', '停工', 'Suspended'],
  approved: ['已办结', '已辦結', 'Approved'],
  pending_documents: ['容缺后补', '容缺後補', 'Documents to follow'],
  refused: ['不予批准', '不予批准', 'Refused'],
};
const at = (locale: Locale, texts: readonly string[]) => texts[locale === 'zh-CN' ? 0 : locale === 'zh-TW' ? 1 : 2]!;
const yuan = (fen: number) => fen / 100;

export function projectsXlsx(locale: Locale, rows: KeyProject[]): Promise<Buffer> {
  const cols = columnsIn<KeyProject>(locale, [
    [{ 'zh-CN': '项目名称', 'zh-TW': '項目名稱', en: 'Project' }, (p) => p.name, 30],
    [{ 'zh-CN': '级别', 'zh-TW': '級別', en: 'Level' }, (p) => at(locale, levelText[p.level])],
    [{ 'zh-CN': '新建/续建', 'zh-TW': '新建/續建', en: 'New / continuing' }, (p) => at(locale, phaseText[p.phase])],
    [{ 'zh-CN': '所在区域', 'zh-TW': '所在區域', en: 'Region' }, (p) => p.regionName ?? p.regionCode],
    [{ 'zh-CN': '总投资（元）', 'zh-TW': '總投資（元）', en: 'Investment (yuan)' }, (p) => yuan(p.investmentFen)],
    [{ 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' }, (p) => at(locale, statusText[p.status])],
    [{ 'zh-CN': '在岗工人', 'zh-TW': '在崗工人', en: 'Workers on site' }, (p) => p.workersOnSite],
    [{ 'zh-CN': '一项一策版本', 'zh-TW': '一項一策版本', en: 'Plan version' }, (p) => p.planVersion],
  ]);
  return toXlsx(t(locale, 'projects.sheet'), cols, rows);
}

export function approvalsXlsx(locale: Locale, rows: ProjectApproval[]): Promise<Buffer> {
  const open = (a: ProjectApproval) => a.documents.filter((d) => !d.receivedOn);
  const cols = columnsIn<ProjectApproval>(locale, [
    [{ 'zh-CN': '项目', 'zh-TW': '項目', en: 'Project' }, (a) => a.projectName, 30],
    [{ 'zh-CN': '审批事项', 'zh-TW': '審批事項', en: 'Approval' }, (a) => a.kind, 24],
    [{ 'zh-CN': '部门', 'zh-TW': '部門', en: 'Department' }, (a) => t(locale, `department.${a.department}`)],
    [{ 'zh-CN': '审批日期', 'zh-TW': '審批日期', en: 'Decided on' }, (a) => a.decidedOn],
    [{ 'zh-CN': '状态', 'zh-TW': '狀態', en: 'Status' }, (a) => at(locale, statusText[a.status])],
    [
      { 'zh-CN': '以函代证', 'zh-TW': '以函代證', en: 'Letter for certificate' },
      (a) => (a.letterInsteadOfCertificate ? '✓' : ''),
    ],
    [{ 'zh-CN': '网上办理', 'zh-TW': '網上辦理', en: 'Online' }, (a) => (a.online ? '✓' : '')],
    [
      { 'zh-CN': '待补材料', 'zh-TW': '待補材料', en: 'Documents to follow' },
      (a) =>
        open(a)
          .map((d) => `${d.name}（${d.dueOn}）`)
          .join('；'),
      40,
    ],
    [{ 'zh-CN': '逾期', 'zh-TW': '逾期', en: 'Overdue' }, (a) => (a.overdue ? '✓' : '')],
  ]);
  return toXlsx(t(locale, 'projects.approvals_sheet'), cols, rows);
}
