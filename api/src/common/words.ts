import type { CaseStatus, CaseType, Priority, Satisfaction, SuperviseLevel } from '../cases/case.constants.js';
import type { ChannelGroup } from '../channels/channel.entity.js';
import type { ResidentTag } from '../residents/resident.entity.js';
import type { Role } from '../users/user.entity.js';
import type { Action } from '../workflow/transitions.js';

/**
 * The Chinese words of the code values, as exported files and error messages show them: the same words as
 * the console's `enums` in admin/src/i18n/app-zh.ts (a unit spec keeps the two in step).
 */
export const WORDS = {
  status: {
    received: '已受理', dispatched: '已派单', in_progress: '办理中', returned: '已退单', replied: '已答复', closed: '已办结', merged: '已并案', rejected: '不予受理',
  } satisfies Record<CaseStatus, string>,
  type: { consult: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' } satisfies Record<CaseType, string>,
  priority: { normal: '一般', urgent: '紧急' } satisfies Record<Priority, string>,
  satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' } satisfies Record<Satisfaction, string>,
  superviseLevel: { yellow: '黄牌督办', red: '红牌督办' } satisfies Record<SuperviseLevel, string>,
  group: { hotline: '12345热线', online: '网民留言', community: '社区', linkage: '联动', enterprise: '企业诉求' } satisfies Record<ChannelGroup, string>,
  tag: {
    elderly_alone: '独居老人',
    elderly_advanced: '高龄老人',
    disabled: '残疾人',
    low_income: '低保户',
    chronic_illness: '慢性病患者',
    children_in_difficulty: '困境儿童',
    left_behind: '留守人员',
    veteran: '退役军人',
    party_member: '党员',
  } satisfies Record<ResidentTag, string>,
  role: { admin: '系统管理员', supervisor: '督办', dispatcher: '受理派单员', grid_worker: '网格员', handler: '责任单位经办人' } satisfies Record<Role, string>,
  action: {
    close_directly: '直接办结',
    dispatch: '派单',
    accept: '签收',
    handle_in_community: '社区自办',
    return: '退单',
    contact: '联系群众',
    reply: '答复',
    follow_up: '回访',
    reopen: '重办',
    request_extension: '延期申请',
    approve_extension: '批准延期',
    reject_extension: '驳回延期',
    supervise: '督办',
    merge: '并案',
    reject: '不予受理',
    comment: '备注',
    request_pause: '申请挂起',
    approve_pause: '批准挂起',
    reject_pause: '驳回挂起',
    resume: '恢复办理',
    overrule_return: '驳回退单',
    appeal: '申诉',
    uphold_appeal: '申诉成立',
    reject_appeal: '驳回申诉',
    // the timeline's other entries, written by intake, corrections, uploads, the overdue scan and the public marks
    create: '受理',
    edit: '更正',
    merged_in: '并入来件',
    overdue: '超期',
    attach: '附件',
    set_visibility: '设置公开范围',
  } satisfies Record<Action, string> & Record<string, string>,
  pauseReason: { waiting_resident: '等待群众', third_party: '等待第三方', weather_season: '受天气或季节影响', legal_procedure: '法定程序' },
  appealReason: { outside_duties: '不属本单位职责', unreasonable_demand: '诉求不合法或不合理', malicious_caller: '重复或恶意来电', unreachable: '无法联系群众' },
  pauseState: { requested: '挂起待批', paused: '已挂起' },
  appealState: { pending: '申诉待审', upheld: '申诉成立', rejected: '申诉驳回' },
  returnReason: { wrong_area: '属地不符', unclear_ownership: '权属不清', overlapping_duties: '职能交叉', not_our_duty: '非本单位职责', other: '其他' },
  level: { subdistrict: '街道', community: '社区', zone: '片区', grid: '网格', compound: '小区/小组', building: '楼栋' },
  kind: { government: '政府部门', enterprise: '企业', property: '物业公司', police: '公安', fire: '消防', utility: '公用事业', other: '其他' },
  resolveUnit: { hours: '小时', workdays: '工作日' },
  stage: { before: '处理前', after: '处理后', document: '材料' },
  accessAction: { read: '查看', export: '导出' },
  accessResource: { cases: '诉求工单', residents: '居民', users: '用户', 'grid-units': '网格单元' },
  accessDetail: { list: '列表', 'by-phone': '按电话号码查找', full: '完整信息', masked: '已脱敏', csv: 'CSV 文件', xlsx: 'Excel 文件' },
} as const;

export type WordSet = keyof typeof WORDS;

/** The word for a code; an unknown code is shown as it is rather than dropped. */
export function word(set: WordSet, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return (WORDS[set] as Record<string, string>)[code] ?? code;
}

/** The word for a code of any set (where the set is not known, as for a list filter's values); else the code. */
export function anyWord(code: string): string {
  for (const words of Object.values(WORDS)) {
    const found = (words as Record<string, string>)[code];
    if (found) return found;
  }
  return code;
}
