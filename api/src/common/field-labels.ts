/**
 * The Chinese names of the fields and records that error messages name (the English messages name the
 * API's own field names, which scripts use). The words follow the console's `resources.*.fields`, so a
 * message under 所属网格 says 所属网格 too.
 */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  version: '版本',
  // cases
  number: '工单编号',
  title: '标题',
  description: '诉求描述',
  type: '类型',
  channelId: '来源渠道',
  channelGroup: '渠道分组',
  year: '年份',
  defaultChannelId: '默认来源渠道',
  mergeIntoCaseId: '并入工单',
  categoryId: '诉求分类',
  gridUnitId: '所属网格',
  priority: '紧急程度',
  residentId: '登记居民',
  reporterName: '诉求人',
  reporterPhone: '联系电话',
  address: '地址',
  lat: '纬度',
  lng: '经度',
  receivedAt: '受理时间',
  status: '状态',
  overdue: '超期',
  mine: '我的',
  keyPopulation: '重点人群',
  measure: '统计指标',
  superviseLevel: '督办等级',
  assigneeId: '经办人',
  departmentId: '责任单位',
  // workflow action fields
  result: '办理结果',
  reason: '原因',
  note: '说明',
  days: '延期天数',
  resolved: '是否解决',
  satisfaction: '满意度',
  level: '层级',
  intoCaseId: '并入工单',
  // people, units, settings
  name: '名称',
  phone: '电话',
  tags: '重点人群',
  tag: '重点人群',
  kind: '类别',
  contactName: '联系人',
  active: '启用',
  username: '用户名',
  role: '角色',
  scopeUnitId: '工作范围',
  password: '密码',
  currentPassword: '当前密码',
  code: '编码',
  group: '分组',
  sort: '排序',
  date: '日期',
  workday: '工作日',
  parentId: '上级',
  leaderName: '负责人',
  leaderPhone: '负责人电话',
  geometry: '范围',
  signForHours: '签收时限',
  responseHours: '响应时限',
  resolveLimit: '办结时限',
  resolveUnit: '办结时限单位',
  urgentSignForHours: '紧急签收时限',
  urgentResponseHours: '紧急响应时限',
  urgentResolveHours: '紧急办结时限',
  // uploads, requests, list queries, reports
  file: '文件',
  stage: '附件类型',
  body: '请求内容',
  range: '分页范围',
  filter: '筛选条件',
  q: '搜索',
  unitId: '区域',
  from: '开始日期',
  to: '结束日期',
  groupBy: '分组方式',
  weeks: '周数',
  k: '热点件数',
  windowHours: '热点时段',
  month: '月份',
  min: '最少件数',
  // report groupings
  community: '社区',
  grid: '网格',
  department: '责任单位',
  category: '诉求分类',
  channel: '来源渠道',
  worker: '网格员',
  // the residents' public page, API keys, webhooks
  entry: '入口',
  challenge: '人机验证',
  nonce: '人机验证',
  photos: '照片',
  company: '企业名称',
  creditCode: '统一社会信用代码',
  secret: '查询码',
  comment: '评价意见',
  publicEntry: '居民端入口',
  public: '向公众开放',
  keywords: '关键词',
  visibility: '公开范围',
  url: '接收地址',
  events: '事件',
  perMinute: '每分钟请求数',
  articleId: '知识条目',
  visitedAt: '走访时间',
  validFrom: '生效日期',
  validUntil: '失效日期',
  // Open311's own parameter names (open311/)
  api_key: '接口密钥',
  service_code: '服务类别',
  service_request_id: '诉求编号',
  start_date: '开始时间',
  end_date: '结束时间',
  page: '页码',
  page_size: '每页条数',
  long: '经度',
  address_id: '地点编号',
  address_string: '地址',
};

/** The records `notFound` names, by the English label each service gives itself. */
export const RECORD_LABELS: Record<string, string> = {
  Webhook: '事件推送',
  Article: '知识条目',
  Visit: '走访记录',
  ReplyTemplate: '回复模板',
  WebhookDelivery: '推送记录',
  Case: '工单',
  'Case event': '办理记录',
  User: '工作人员',
  Channel: '来源渠道',
  Category: '诉求分类',
  Department: '责任单位',
  Resident: '居民',
  Attachment: '附件',
  'Grid unit': '网格',
  'Calendar day': '工作日调整',
  Report: '报表',
  'Report format': '报表格式',
  ApiKey: '接口密钥',
};

const BOUNDS: Record<string, string> = { gte: '起', gt: '起', lte: '止', lt: '止', neq: '（排除）' };

/** One name: `receivedAt_gte` (a list filter's bound) → 受理时间起. */
function oneLabel(name: string): string {
  if (FIELD_LABELS[name]) return FIELD_LABELS[name];
  const bound = /^(\w+)_(gte|gt|lte|lt|neq)$/.exec(name);
  return bound && FIELD_LABELS[bound[1]] ? FIELD_LABELS[bound[1]] + BOUNDS[bound[2]] : name;
}

/** `gridUnitId` → 所属网格; `filter.status` → 筛选条件「状态」; an unknown name stays as it is. */
export function fieldLabel(path: string): string {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return oneLabel(head);
  return `${oneLabel(head)}「${oneLabel(rest[rest.length - 1])}」`;
}
