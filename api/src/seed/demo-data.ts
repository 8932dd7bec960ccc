/**
 * The demo community's reference data as plain constants: the territory (火车站街道, with 黄河路社区
 * in the "13969" shape and 长江路社区 without zones), the responsible units and the channels.
 * Categories are in demo-categories.ts, people in demo-people.ts.
 */
import type { ChannelGroup } from '../channels/channel.entity.js';
import type { DepartmentKind } from '../departments/department.entity.js';
import type { GridLevel } from '../grid/grid-unit.entity.js';

export interface UnitSeed {
  name: string;
  code: string;
  level: GridLevel;
  leaderName?: string;
  leaderPhone?: string;
  children: UnitSeed[];
}

/** A compound and how many buildings (楼栋) are registered as units under it (0: none). */
type CompoundSpec = [name: string, buildings: number];
type GridSpec = [leaderName: string, leaderPhone: string, compounds: CompoundSpec[]];

function compounds(gridCode: string, specs: CompoundSpec[]): UnitSeed[] {
  return specs.map(([name, buildings], i) => {
    const code = `${gridCode}-C${i + 1}`;
    const children = Array.from({ length: buildings }, (_, b): UnitSeed => ({ name: `${b + 1}号楼`, code: `${code}-B${b + 1}`, level: 'building', children: [] }));
    return { name, code, level: 'compound', children };
  });
}

function grids(parentCode: string, firstNumber: number, specs: GridSpec[]): UnitSeed[] {
  return specs.map(([leaderName, leaderPhone, cs], i) => {
    const code = `${parentCode}-G${firstNumber + i}`;
    return { name: `${firstNumber + i}号网格`, code, level: 'grid', leaderName, leaderPhone, children: compounds(code, cs) };
  });
}

const ZONE_NAMES = ['第一片区', '第二片区', '第三片区'];

/** 黄河路社区: 1 community, 3 zones, 9 grids (3 per zone), compounds and some buildings. */
const HUANGHE_GRIDS: GridSpec[][] = [
  [
    ['马秀英', '13709712031', [['小碱小区', 6], ['铁路新村', 4]]],
    ['李永福', '13897152046', [['建设小区', 0], ['和平里', 0], ['光明巷', 0]]],
    ['王淑芳', '13519713358', [['康乐园', 5], ['幸福家园', 0], ['电业小区', 0]]],
  ],
  [
    ['韩国栋', '18997106624', [['黄河路小区', 4], ['园丁小区', 0]]],
    ['张桂兰', '13909716687', [['金桥花园', 5], ['南苑小区', 0], ['邮电小区', 0]]],
    ['祁玉梅', '15909718813', [['粮站家属院', 0], ['纺织厂小区', 3]]],
  ],
  [
    ['赵文斌', '13997157092', [['阳光城', 6], ['天逸华府', 0]]],
    ['冶海燕', '18809714425', [['兴隆巷', 0], ['文化小区', 0], ['机务段家属院', 3]]],
    ['孙红梅', '13639715570', [['东方明珠小区', 0], ['民族小区', 0], ['桃园小区', 0]]],
  ],
];

/** 长江路社区: no zones, 4 grids directly under the community. */
const CHANGJIANG_GRIDS: GridSpec[] = [
  ['杨建华', '13897210135', [['长江路小区', 4], ['商贸小区', 0]]],
  ['刘丽萍', '13519780742', [['海湖花园', 3], ['交通小区', 0]]],
  ['陈永红', '15597104468', [['林业小区', 0], ['税务小区', 0]]],
  ['鲁德福', '18997231109', [['长江新村', 3], ['供销社家属院', 0]]],
];

export const GRID_TREE: UnitSeed = {
  name: '火车站街道',
  code: 'HCZ',
  level: 'subdistrict',
  leaderName: '高志强',
  leaderPhone: '09718123001',
  children: [
    {
      name: '黄河路社区',
      code: 'HCZ-HHL',
      level: 'community',
      leaderName: '马红霞',
      leaderPhone: '09718123101',
      children: HUANGHE_GRIDS.map((zone, z) => ({
        name: ZONE_NAMES[z],
        code: `HCZ-HHL-Z${z + 1}`,
        level: 'zone' as const,
        children: grids(`HCZ-HHL-Z${z + 1}`, z * 3 + 1, zone),
      })),
    },
    {
      name: '长江路社区',
      code: 'HCZ-CJL',
      level: 'community',
      leaderName: '苏文静',
      leaderPhone: '09718123201',
      children: grids('HCZ-CJL', 1, CHANGJIANG_GRIDS),
    },
  ],
};

/** Where the demo territory is on a map (around a railway station), for the units' points. */
export const MAP_CENTER = { lat: 36.6283, lng: 101.8114 };

export interface DepartmentSeed {
  name: string;
  kind: DepartmentKind;
  phone: string;
  contactName: string;
}

/** Responsible units (责任单位). Categories name their default unit by `name`. */
export const DEPARTMENTS: DepartmentSeed[] = [
  { name: '住建局', kind: 'government', phone: '0971-6152301', contactName: '马志刚' },
  { name: '市政管理处', kind: 'government', phone: '0971-6152318', contactName: '吴刚' },
  { name: '园林绿化局', kind: 'government', phone: '0971-6152322', contactName: '李春燕' },
  { name: '热力公司', kind: 'utility', phone: '0971-8231456', contactName: '郑伟' },
  { name: '自来水公司', kind: 'utility', phone: '0971-8239600', contactName: '何建军' },
  { name: '供电公司', kind: 'utility', phone: '95598', contactName: '祁海林' },
  { name: '燃气公司', kind: 'utility', phone: '0971-8240119', contactName: '韩亮' },
  { name: '鑫源物业', kind: 'property', phone: '0971-8123566', contactName: '刘强' },
  { name: '安居物业', kind: 'property', phone: '0971-8123788', contactName: '冯晓东' },
  { name: '华润物业', kind: 'property', phone: '0971-8123900', contactName: '唐丽' },
  { name: '火车站派出所', kind: 'police', phone: '0971-8125110', contactName: '张警官' },
  { name: '消防救援支队', kind: 'fire', phone: '0971-8126119', contactName: '王队长' },
  { name: '人社局', kind: 'government', phone: '0971-6152412', contactName: '徐敏' },
  { name: '市场监督管理局', kind: 'government', phone: '12315', contactName: '赵丽华' },
  { name: '城管执法局', kind: 'government', phone: '0971-6152510', contactName: '邓建平' },
  { name: '民政局', kind: 'government', phone: '0971-6152605', contactName: '石玉兰' },
  { name: '卫健委', kind: 'government', phone: '0971-6152720', contactName: '白雪' },
  { name: '生态环境局', kind: 'government', phone: '0971-6152808', contactName: '鲍国庆' },
  { name: '交通运输局', kind: 'government', phone: '0971-6152911', contactName: '严涛' },
  { name: '街道综治中心', kind: 'other', phone: '0971-8123011', contactName: '汪海' },
  { name: '街道便民服务中心', kind: 'other', phone: '0971-8123020', contactName: '谢芳' },
  { name: '社区卫生服务中心', kind: 'other', phone: '0971-8123120', contactName: '蔡医生' },
];

export interface ChannelSeed {
  name: string;
  code: string;
  group: ChannelGroup;
  /** An entry point of the residents' public page (its link: `/m/?entry=<code>`). */
  publicEntry?: boolean;
}

/** The channels of DOMAIN.md, in the order the console lists them. */
export const CHANNELS: ChannelSeed[] = [
  { name: '12345热线', code: 'hotline_12345', group: 'hotline' },
  { name: '微信公众号', code: 'wechat', group: 'online', publicEntry: true },
  { name: '市政府网', code: 'gov_website', group: 'online' },
  { name: '码上减负', code: 'mashang', group: 'online' },
  { name: '省12345政务服务网', code: 'province_12345', group: 'online' },
  { name: '人民网', code: 'people_daily', group: 'online' },
  { name: '一站式服务大厅窗口', code: 'window', group: 'community' },
  { name: '网格巡查', code: 'patrol', group: 'community' },
  { name: '楼栋长', code: 'building_lead', group: 'community' },
  { name: '110联动', code: 'police_110', group: 'linkage' },
  { name: '消防救援支队', code: 'fire_brigade', group: 'linkage' },
  { name: '其他部门转办', code: 'other_department', group: 'linkage' },
  { name: '企业诉求', code: 'enterprise', group: 'enterprise', publicEntry: true },
];
