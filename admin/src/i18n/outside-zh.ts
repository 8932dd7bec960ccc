/** The console's words for what comes from outside and goes out (issue 17), Chinese: spread into `app`. */
export const outsideZh = {
  visibility: {
    public: '公开', internal: '内部', public_tip: '居民可见', internal_tip: '仅内部可见', make_public: '设为公开', make_internal: '设为内部',
    set_public: '已设为公开：居民查询时可以看到此条', set_internal: '已设为内部：居民查询时看不到此条', now_public: '改为公开', now_internal: '改为内部',
  },
  source: {
    title: '来源', public: '居民端', enterprise: '企业端', enterprise_named: '企业端（%{company}）', enterprise_code: '企业端（%{company}，统一社会信用代码 %{code}）',
    open311: 'Open311 对接', open311_key: 'Open311 对接（%{key}）', rating: '居民自评', comment: '评价意见', rated_at: '评价时间',
  },
  webhooks: {
    settings: '设置', deliveries: '推送记录', all_events: '全部事件', events_hint: '不选则推送全部事件',
    url_hint: '接收推送的网址，以 http:// 或 https:// 开头', secret_hint: '用于签名校验，至少 16 个字符；保存后不再显示，请先复制给接收方',
    generate: '生成', change_secret: '更换签名密钥', active_hint: '停用后不再推送新事件；已有推送记录的不能删除，请停用',
    retry: '重试', retried: '已安排立即重试', no_deliveries: '暂无推送记录',
  },
  channels: {
    entry_link: '居民端入口链接', copy: '复制链接', copied: '链接已复制', copy_failed: '浏览器不允许自动复制，请选中链接后按 Ctrl+C',
    public_entry_hint: '开启后，居民可通过下方链接（或其二维码）从此渠道提交诉求',
  },
  categories: { public_hint: '关闭后，居民端和对接系统不再提供此分类', keywords_hint: '居民搜索分类时可用的词，用逗号分隔' },
};

/** The resources' names and fields: spread into `resources`. */
export const outsideResourcesZh = {
  webhooks: {
    name: '事件推送 |||| 事件推送',
    fields: { id: 'ID', name: '名称', url: '接收网址', secret: '签名密钥', events: '推送事件', active: '启用', version: '版本', createdAt: '创建时间', q: '搜索' },
  },
  'webhook-deliveries': {
    name: '推送记录 |||| 推送记录',
    fields: {
      id: '序号', webhookId: '事件推送', eventId: '办理记录', caseId: '工单', event: '事件', state: '状态', attempts: '尝试次数', lastStatus: '最近响应码',
      lastError: '最近错误', nextAttemptAt: '下次尝试', deliveredAt: '送达时间', createdAt: '生成时间',
    },
  },
};
