import type { CaseStatus, CaseType, Priority, Satisfaction, SuperviseLevel } from '../cases/case.constants.js';
import type { ChannelGroup } from '../channels/channel.entity.js';
import type { ResidentTag } from '../residents/resident.entity.js';

/**
 * The Chinese words of the code values, as exported files show them: the same words as the console's
 * `enums` in admin/src/i18n/app-zh.ts (a unit spec keeps the two in step).
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
} as const;

export type WordSet = keyof typeof WORDS;

/** The word for a code; an unknown code is shown as it is rather than dropped. */
export function word(set: WordSet, code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  return (WORDS[set] as Record<string, string>)[code] ?? code;
}
