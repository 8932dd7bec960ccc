/** The demo accounts, and the word lists that make Chinese names, phones and enterprises. */
import type { ResidentTag } from '../residents/resident.entity.js';
import type { Role } from '../users/user.entity.js';
import type { Random } from './random.js';

export interface UserSeed {
  username: string;
  name: string;
  role: Role;
  /** The scope's root, by grid-unit code. */
  scope?: string;
  /** The responsible unit of a handler, by name. */
  department?: string;
  phone: string;
}

/** All have the password DEMO_PASSWORD (each its own salt). The first five are the accounts the README names. */
export const USERS: UserSeed[] = [
  { username: 'admin', name: '系统管理员', role: 'admin', phone: '13800000000' },
  { username: 'supervisor', name: '赵建国', role: 'supervisor', scope: 'HCZ', phone: '13909710001' },
  { username: 'dispatcher', name: '李晓梅', role: 'dispatcher', scope: 'HCZ-HHL', phone: '13909710002' },
  { username: 'worker', name: '王磊', role: 'grid_worker', scope: 'HCZ-HHL-Z1-G3', phone: '13909710003' },
  { username: 'handler', name: '刘强', role: 'handler', department: '鑫源物业', phone: '13909710004' },
  { username: 'leader_hhl', name: '马红霞', role: 'supervisor', scope: 'HCZ-HHL', phone: '13909710011' },
  { username: 'hotline', name: '杨帆', role: 'dispatcher', scope: 'HCZ', phone: '13909710012' },
  { username: 'dispatcher_cjl', name: '陈静', role: 'dispatcher', scope: 'HCZ-CJL', phone: '13909710013' },
  { username: 'worker_g1', name: '张敏', role: 'grid_worker', scope: 'HCZ-HHL-Z1-G1', phone: '13909710021' },
  { username: 'worker_g5', name: '周丽', role: 'grid_worker', scope: 'HCZ-HHL-Z2-G5', phone: '13909710022' },
  { username: 'worker_g8', name: '冶成林', role: 'grid_worker', scope: 'HCZ-HHL-Z3-G8', phone: '13909710023' },
  { username: 'worker_cjl2', name: '孙浩', role: 'grid_worker', scope: 'HCZ-CJL-G2', phone: '13909710024' },
  { username: 'handler_szgl', name: '吴刚', role: 'handler', department: '市政管理处', phone: '13909710031' },
  { username: 'handler_rl', name: '郑伟', role: 'handler', department: '热力公司', phone: '13909710032' },
  { username: 'handler_zls', name: '何建军', role: 'handler', department: '自来水公司', phone: '13909710033' },
  { username: 'handler_aj', name: '冯晓东', role: 'handler', department: '安居物业', phone: '13909710034' },
  { username: 'handler_hr', name: '唐丽', role: 'handler', department: '华润物业', phone: '13909710035' },
  { username: 'handler_zjj', name: '马志刚', role: 'handler', department: '住建局', phone: '13909710036' },
  { username: 'handler_cg', name: '邓建平', role: 'handler', department: '城管执法局', phone: '13909710037' },
  { username: 'handler_xf', name: '王海龙', role: 'handler', department: '消防救援支队', phone: '13909710038' },
  { username: 'handler_zz', name: '汪海', role: 'handler', department: '街道综治中心', phone: '13909710039' },
];

/** Common surnames, the most frequent first (with a few frequent in the north-west: 马 韩 祁 冶). */
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文祁冶鲁'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰海燕文斌志强永红德福春梅淑珍晓东海林国庆红霞丽萍建华永福雪梅小龙宏伟俊杰子涵浩然欣怡梓轩雨萱一诺佳怡思远'.split('');

/** A name: a surname (frequent ones more often) and one or two given-name characters. */
export function personName(rng: Random): string {
  const surname = SURNAMES[Math.min(SURNAMES.length - 1, Math.floor(SURNAMES.length * rng.next() ** 2))];
  const given = rng.chance(0.3) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
  return surname + given;
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '166', '173', '177', '180', '181', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

/** A mainland mobile number, 1[3-9]xxxxxxxxx. */
export function mobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

const COMPANY_WORDS = ['鑫达', '华通', '恒信', '瑞丰', '金禾', '昆仑', '三江', '祥和', '德润', '宏远', '青湖', '博雅'];
const COMPANY_KINDS = ['机械制造有限公司', '商贸有限公司', '物流有限公司', '建材有限公司', '食品有限公司', '科技有限公司', '餐饮管理有限公司'];

/** An enterprise of the industrial park and its contact, for 企业诉求. */
export function enterpriseContact(rng: Random): string {
  const surname = SURNAMES[rng.int(0, 30)];
  return `${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_KINDS)}（${surname}${rng.pick(['经理', '总', '主任', '会计'])}）`;
}

/** Tags with how common they are among tagged households; elderly people are the most frequent. */
const TAG_WEIGHTS: Record<ResidentTag, number> = {
  elderly_alone: 20,
  elderly_advanced: 18,
  disabled: 10,
  low_income: 10,
  chronic_illness: 14,
  children_in_difficulty: 4,
  left_behind: 6,
  veteran: 8,
  party_member: 14,
};

/** About 30% of residents carry one or two key-population tags. */
export function residentTags(rng: Random): ResidentTag[] {
  if (!rng.chance(0.3)) return [];
  const first = rng.weightedKey(TAG_WEIGHTS);
  if (!rng.chance(0.35)) return [first];
  const second = rng.weightedKey(TAG_WEIGHTS);
  return second === first ? [first] : [first, second];
}

/** A household address: `小碱小区5号楼2单元301`; buildings not registered as units still appear in the text. */
export function householdAddress(rng: Random, compound: string, building: string | null): string {
  const b = building ?? `${rng.int(1, 12)}号楼`;
  return `${compound}${b}${rng.int(1, 4)}单元${rng.int(1, 6)}0${rng.int(1, 4)}`;
}
