/**
 * The demo category tree (诉求分类, up to three levels) with time limits and default responsible units.
 * Limits left out inherit from the parent, then from DEFAULT_POLICY (workflow/time-limits.ts).
 */
import type { LimitPolicy } from '../workflow/time-limits.js';

export interface CategorySeed {
  name: string;
  code: string;
  /** Default responsible unit, by department name (demo-data.ts). */
  department?: string;
  limits?: Partial<LimitPolicy>;
  children?: CategorySeed[];
}

/** A full policy: sign-for / response hours, resolution limit, and the urgent variants in hours. */
function policy(signFor: number, response: number, resolve: number, unit: 'hours' | 'workdays', urgent: [number, number, number]): Partial<LimitPolicy> {
  return {
    signForHours: signFor,
    responseHours: response,
    resolveLimit: resolve,
    resolveUnit: unit,
    urgentSignForHours: urgent[0],
    urgentResponseHours: urgent[1],
    urgentResolveHours: urgent[2],
  };
}
const workdays = (n: number): Partial<LimitPolicy> => ({ resolveLimit: n, resolveUnit: 'workdays' });
const hours = (n: number): Partial<LimitPolicy> => ({ resolveLimit: n, resolveUnit: 'hours' });

const leaf = (name: string, code: string, limits?: Partial<LimitPolicy>, department?: string): CategorySeed => ({ name, code, limits, department });

export const CATEGORIES: CategorySeed[] = [
  {
    name: '住房城乡建设',
    code: 'housing',
    department: '住建局',
    limits: policy(2, 24, 5, 'workdays', [0.5, 2, 24]),
    children: [
      {
        name: '物业管理',
        code: 'property',
        department: '鑫源物业',
        limits: { signForHours: 1 },
        children: [
          leaf('电梯故障', 'elevator_fault', { responseHours: 4, ...hours(48), urgentSignForHours: 0.25, urgentResponseHours: 1, urgentResolveHours: 12 }),
          leaf('小区环境', 'compound_env'),
          leaf('物业服务', 'property_service'),
          leaf('物业收费', 'property_fee', workdays(7)),
          leaf('停车管理', 'parking'),
          leaf('房屋漏水维修', 'leak_repair', workdays(3)),
        ],
      },
      leaf('老旧小区改造', 'old_renovation', workdays(15)),
      leaf('违章搭建', 'illegal_construction', workdays(10), '城管执法局'),
    ],
  },
  {
    name: '消费维权',
    code: 'consumer',
    department: '市场监督管理局',
    limits: policy(2, 24, 7, 'workdays', [0.5, 2, 24]),
    children: [
      leaf('商品质量', 'product_quality'),
      leaf('食品安全', 'food_safety', workdays(3)),
      leaf('价格欺诈', 'price_fraud'),
      leaf('预付卡退费', 'prepaid_refund', workdays(10)),
    ],
  },
  {
    name: '劳动纠纷',
    code: 'labour',
    department: '人社局',
    limits: policy(2, 24, 10, 'workdays', [1, 4, 48]),
    children: [leaf('拖欠工资', 'wage_arrears', workdays(5)), leaf('社保缴纳', 'social_insurance'), leaf('劳动合同', 'labour_contract')],
  },
  {
    name: '安全隐患',
    code: 'safety',
    department: '消防救援支队',
    limits: policy(0.5, 2, 24, 'hours', [0.25, 1, 12]),
    children: [
      leaf('消防隐患', 'fire_hazard'),
      leaf('燃气隐患', 'gas_hazard', { ...hours(12), urgentResponseHours: 0.5, urgentResolveHours: 6 }, '燃气公司'),
      leaf('电梯隐患', 'elevator_hazard', hours(48), '市场监督管理局'),
      leaf('房屋安全隐患', 'building_hazard', hours(72), '住建局'),
      leaf('电动车飞线充电', 'ebike_charging'),
    ],
  },
  {
    name: '市政设施',
    code: 'municipal',
    department: '市政管理处',
    limits: policy(1, 24, 5, 'workdays', [0.5, 2, 24]),
    children: [
      leaf('污水井', 'sewer', { ...hours(48), urgentResolveHours: 12 }),
      leaf('道路破损', 'road_damage', workdays(7)),
      leaf('路灯', 'street_light', workdays(3)),
      leaf('井盖缺失', 'manhole_cover', { ...hours(24), urgentResolveHours: 4 }),
      leaf('公交出行', 'bus_service', undefined, '交通运输局'),
    ],
  },
  {
    name: '环境卫生',
    code: 'sanitation',
    department: '城管执法局',
    limits: policy(2, 24, 3, 'workdays', [0.5, 2, 24]),
    children: [
      leaf('垃圾清运', 'garbage', hours(48)),
      leaf('乱堆乱放', 'littering'),
      leaf('公厕管理', 'public_toilet'),
      leaf('绿化养护', 'greenery', workdays(5), '园林绿化局'),
      leaf('油烟扰民', 'cooking_fumes', workdays(5), '生态环境局'),
    ],
  },
  {
    name: '供暖',
    code: 'heating',
    department: '热力公司',
    limits: policy(1, 4, 24, 'hours', [0.5, 1, 12]),
    children: [leaf('室温不达标', 'heating_low'), leaf('暖气漏水', 'heating_leak', { ...hours(12), urgentResolveHours: 4 }), leaf('供暖收费', 'heating_fee', workdays(5))],
  },
  {
    name: '供水供电',
    code: 'utilities',
    department: '自来水公司',
    limits: policy(1, 4, 24, 'hours', [0.5, 1, 12]),
    children: [leaf('停水', 'water_outage'), leaf('水质问题', 'water_quality', hours(48)), leaf('停电', 'power_outage', undefined, '供电公司')],
  },
  {
    name: '邻里纠纷',
    code: 'neighbour',
    department: '街道综治中心',
    limits: policy(2, 24, 5, 'workdays', [1, 2, 24]),
    children: [
      leaf('噪音扰民', 'noise', workdays(3), '火车站派出所'),
      leaf('宠物扰民', 'pets'),
      leaf('楼上漏水纠纷', 'leak_dispute'),
      leaf('占道占位纠纷', 'space_dispute'),
    ],
  },
  {
    name: '社会救助',
    code: 'assistance',
    department: '民政局',
    limits: policy(2, 24, 10, 'workdays', [1, 4, 48]),
    children: [
      leaf('爱心超市', 'love_supermarket', workdays(5), '街道便民服务中心'),
      leaf('低保申请', 'subsistence', workdays(15)),
      leaf('养老服务', 'elderly_care', workdays(5)),
      leaf('残疾人帮扶', 'disability_aid'),
    ],
  },
  {
    name: '政策咨询',
    code: 'policy',
    department: '街道便民服务中心',
    limits: policy(2, 24, 3, 'workdays', [1, 4, 24]),
    children: [
      leaf('医保政策', 'medical_insurance', undefined, '人社局'),
      leaf('养老保险', 'pension', undefined, '人社局'),
      leaf('户籍办理', 'household', undefined, '火车站派出所'),
      leaf('惠企政策', 'enterprise_policy'),
      leaf('疫苗接种', 'vaccination', undefined, '社区卫生服务中心'),
    ],
  },
];
