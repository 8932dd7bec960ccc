import type { ExportColumn, ExportRow } from '../exports/table-export.js';
import type { MonthlyIssue } from './monthly-issues.js';
import type { WatchList } from './watch-list.js';

/** A report as a table: its Chinese file name, its columns and its rows (the total last, where it has one). */
export interface ReportTable {
  name: string;
  columns: ExportColumn[];
  rows: ExportRow[];
}

const GROUP_HEADER: Record<string, string> = { community: '社区', grid: '网格', department: '责任单位', category: '诉求分类', channel: '来源渠道', worker: '经办人' };
const TOTAL = '合计';
const period = (r: { from: string; to: string }) => `${r.from}至${r.to}`;
const withTotal = <T extends { name: string | null }>(rows: T[], total: T) => [...rows.map((r) => ({ ...r, name: r.name ?? '（未归属）' })), { ...total, name: TOTAL }];

type Closure = { from: string; to: string; groupBy: string; rows: ({ name: string | null } & ExportRow)[]; total: { name: string | null } & ExportRow };

export function closureTable(r: Closure): ReportTable {
  const n = (key: string, header: string): ExportColumn => ({ key, header, type: 'number' });
  return {
    name: `办结用时-${period(r)}`,
    columns: [
      { key: 'name', header: GROUP_HEADER[r.groupBy], width: 28 },
      n('closed', '办结件数'),
      n('meanHours', '平均用时(小时)'),
      n('medianHours', '中位用时(小时)'),
      n('p90Hours', '90%用时(小时)'),
      n('maxHours', '最长用时(小时)'),
      n('meanWorkdays', '平均用时(工作日)'),
      n('medianWorkdays', '中位用时(工作日)'),
      n('p90Workdays', '90%用时(工作日)'),
      n('maxWorkdays', '最长用时(工作日)'),
      n('onTime', '按时办结件数'),
      { key: 'onTimeRate', header: '按时办结率', type: 'percent' },
      { key: 'pausedHours', header: '挂起时长(小时)', type: 'number' },
    ],
    rows: withTotal(r.rows, r.total),
  };
}

export function ratesTable(r: Closure): ReportTable {
  const n = (key: string, header: string): ExportColumn => ({ key, header, type: 'number' });
  const p = (key: string, header: string): ExportColumn => ({ key, header, type: 'percent' });
  return {
    name: `三率统计-${period(r)}`,
    columns: [
      { key: 'name', header: GROUP_HEADER[r.groupBy], width: 28 },
      n('cases', '受理件数'),
      n('valid', '有效件数'),
      n('score', '综合评分'),
      p('responseRate', '响应率'),
      n('responseDue', '应响应件数'),
      p('resolutionRate', '解决率'),
      p('satisfactionRate', '满意率'),
      n('followUps', '回访次数'),
      p('onTimeRate', '按时办结率'),
      n('closed', '办结件数'),
      p('directRate', '直办率'),
      p('returnRate', '退单率'),
      p('reopenRate', '重办率'),
      p('repeatRate', '重复诉求率'),
      n('followUpsExcused', '申诉核减回访'),
      p('resolutionRateAdjusted', '核减后解决率'),
      p('satisfactionRateAdjusted', '核减后满意率'),
      n('scoreAdjusted', '核减后综合评分'),
      n('bounces', '退单次数'),
      n('flightHours', '平均流转时长(小时)'),
      n('pausedHours', '挂起时长(小时)'),
    ],
    rows: withTotal(r.rows, r.total),
  };
}

export function hotspotsTable(items: ExportRow[], from: string, to: string): ReportTable {
  return {
    name: `集中反映-${from}至${to}`,
    columns: [
      { key: 'unitName', header: '网格', width: 20 },
      { key: 'categoryName', header: '诉求分类', width: 20 },
      { key: 'count', header: '件数', type: 'number' },
      { key: 'firstAt', header: '首次受理', type: 'datetime' },
      { key: 'lastAt', header: '最近受理', type: 'datetime' },
      { key: 'caseIds', header: '工单ID', width: 40 },
    ],
    rows: items,
  };
}

export function intakeTable(r: { from: string; to: string; total: number; byChannel: ExportRow[] }): ReportTable {
  return {
    name: `受理渠道-${period(r)}`,
    columns: [
      { key: 'name', header: '来源渠道', width: 24 },
      { key: 'count', header: '件数', type: 'number' },
    ],
    rows: [...r.byChannel, { name: TOTAL, count: r.total }],
  };
}

/** The daily report as a two-column ledger: each figure with its count, then the text. */
export function dailyTable(r: {
  date: string;
  calls: number;
  online: { total: number; byChannel: { name: string; count: number }[] };
  handledDirectly: number;
  transferred: number;
  hotTopics: { categoryName: string; count: number; concentrated: boolean }[];
  safety: { total: number; byChannel: { name: string; count: number }[] };
  text: string;
}): ReportTable {
  const rows: ExportRow[] = [
    { item: '12345热线来电', value: r.calls },
    { item: '网民留言', value: r.online.total },
    ...r.online.byChannel.map((c) => ({ item: `　其中${c.name}`, value: c.count })),
    { item: '直接办理', value: r.handledDirectly },
    { item: '转交责任单位办理', value: r.transferred },
    ...r.hotTopics.map((t, i) => ({ item: `热点问题${i + 1}：${t.categoryName}（${t.concentrated ? '有集中反映' : '无集中反映'}）`, value: t.count })),
    { item: '安全隐患举报', value: r.safety.total },
    ...r.safety.byChannel.map((c) => ({ item: `　其中${c.name}接收`, value: c.count })),
    { item: '日报全文', value: r.text },
  ];
  return { name: `日报-${r.date}`, columns: [{ key: 'item', header: '项目', width: 36 }, { key: 'value', header: '数值', width: 80 }], rows };
}

const WATCH_KIND = { phone: '同一电话重复诉求', address: '同一地址重复诉求', compound: '小区同类高发' };

/** 关注名单: repeats (phone and address shown masked, as in the console) and then compounds, one row each. */
export function watchListTable(r: WatchList): ReportTable {
  const rows: ExportRow[] = [
    ...r.repeats.map((e) => ({ kind: WATCH_KIND[e.by], who: e.who, place: e.placeName, category: e.categoryName, count: e.count, open: e.open, firstAt: e.firstAt, lastAt: e.lastAt, cases: e.cases.map((c) => c.number).join('，') })),
    ...r.compounds.map((e) => ({ kind: WATCH_KIND.compound, who: e.unitName, place: e.unitName, category: e.categoryName, count: e.count, open: e.open, firstAt: e.firstAt, lastAt: e.lastAt, cases: '' })),
  ];
  return {
    name: `关注名单-${period(r)}`,
    columns: [
      { key: 'kind', header: '类型', width: 18 },
      { key: 'who', header: '电话/地址/小区', width: 28 },
      { key: 'place', header: '所在区域', width: 28 },
      { key: 'category', header: '诉求分类', width: 24 },
      { key: 'count', header: '件数', type: 'number' },
      { key: 'open', header: '未办结', type: 'number' },
      { key: 'firstAt', header: '首次受理', type: 'datetime' },
      { key: 'lastAt', header: '最近受理', type: 'datetime' },
      { key: 'cases', header: '工单编号', width: 60 },
    ],
    rows,
  };
}

/** 每月一题: each community's first issue of the month, its share, and its count in each month of the trend. */
export function monthlyIssuesTable(r: { month: string; months: string[]; rows: MonthlyIssue[] }): ReportTable {
  return {
    name: `每月一题-${r.month}`,
    columns: [
      { key: 'community', header: '社区', width: 24 },
      { key: 'category', header: '突出问题', width: 24 },
      { key: 'count', header: '本月件数', type: 'number' },
      { key: 'total', header: '社区诉求总数', type: 'number' },
      { key: 'share', header: '占比', type: 'percent' },
      { key: 'monthsOnTop', header: '连续居首(月)', type: 'number' },
      ...r.months.map((m, i): ExportColumn => ({ key: `m${i}`, header: `${m}件数`, type: 'number' })),
    ],
    rows: r.rows.map((e) => ({ community: e.communityName, category: e.categoryName, count: e.count, total: e.total, share: e.share, monthsOnTop: e.monthsOnTop, ...Object.fromEntries(e.trend.map((t, i) => [`m${i}`, t.count])) })),
  };
}
