import type { Case } from '../cases/case.entity.js';
import { word } from '../common/words.js';
import type { NameLookup } from './name-lookup.js';
import type { ExportColumn, ExportRow } from './table-export.js';

/** The case as exported: what the case list holds, in the order of a paper ledger (台账). */
export const CASE_COLUMNS: ExportColumn[] = [
  { key: 'number', header: '工单编号', width: 15 },
  { key: 'receivedAt', header: '受理时间', type: 'datetime' },
  { key: 'title', header: '标题', width: 30 },
  { key: 'description', header: '诉求描述', width: 50 },
  { key: 'type', header: '类型', width: 8 },
  { key: 'priority', header: '紧急程度', width: 10 },
  { key: 'channel', header: '来源渠道', width: 14 },
  { key: 'category', header: '诉求分类', width: 28 },
  { key: 'gridUnit', header: '所属网格', width: 36 },
  { key: 'address', header: '地址', width: 30 },
  { key: 'reporterName', header: '诉求人', width: 10 },
  { key: 'reporterPhone', header: '联系电话', width: 15 },
  { key: 'residentTags', header: '重点人群', width: 16 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'department', header: '责任单位', width: 20 },
  { key: 'dispatchedAt', header: '派单时间', type: 'datetime' },
  { key: 'acceptedAt', header: '签收时间', type: 'datetime' },
  { key: 'respondedAt', header: '响应时间', type: 'datetime' },
  { key: 'repliedAt', header: '答复时间', type: 'datetime' },
  { key: 'closedAt', header: '办结时间', type: 'datetime' },
  { key: 'responseDueAt', header: '响应时限', type: 'datetime' },
  { key: 'resolveDueAt', header: '办结时限', type: 'datetime' },
  { key: 'overdue', header: '是否超期', width: 10 },
  { key: 'handledDirectly', header: '直接办理', width: 10 },
  { key: 'result', header: '办理结果', width: 40 },
  { key: 'resolved', header: '是否解决', width: 10 },
  { key: 'satisfaction', header: '满意度', width: 10 },
  { key: 'superviseLevel', header: '督办', width: 10 },
  { key: 'returnCount', header: '退单次数', type: 'number' },
  { key: 'reopenCount', header: '重办次数', type: 'number' },
];

/** A case as its viewer may see it (`present`: phone masked or not, `overdue` as of now). */
export type ShownCase = Omit<Case, 'unitPath'> & { overdue: boolean };

/** The ids whose names a batch of cases needs. */
export const namesWanted = (cases: ShownCase[]) => ({
  channel: cases.map((c) => c.channelId),
  category: cases.map((c) => c.categoryId),
  unit: cases.map((c) => c.gridUnitId),
  department: cases.map((c) => c.departmentId),
});

/** One ledger row: code values in Chinese, references by name; booleans stay booleans (是/否 in the file). */
export function caseRow(c: ShownCase, names: NameLookup): ExportRow {
  return {
    number: c.number,
    receivedAt: c.receivedAt,
    title: c.title,
    description: c.description,
    type: word('type', c.type),
    priority: word('priority', c.priority),
    channel: names.name('channel', c.channelId),
    category: names.name('category', c.categoryId),
    gridUnit: names.name('unit', c.gridUnitId),
    address: c.address,
    reporterName: c.reporterName,
    reporterPhone: c.reporterPhone,
    residentTags: (c.residentTags ?? []).map((t) => word('tag', t)),
    status: word('status', c.status),
    department: names.name('department', c.departmentId),
    dispatchedAt: c.dispatchedAt,
    acceptedAt: c.acceptedAt,
    respondedAt: c.respondedAt,
    repliedAt: c.repliedAt,
    closedAt: c.closedAt,
    responseDueAt: c.responseDueAt,
    resolveDueAt: c.resolveDueAt,
    overdue: c.overdue,
    handledDirectly: c.handledDirectly,
    result: c.result,
    resolved: c.resolved,
    satisfaction: word('satisfaction', c.satisfaction),
    superviseLevel: word('superviseLevel', c.superviseLevel),
    returnCount: c.returnCount,
    reopenCount: c.reopenCount,
  };
}
