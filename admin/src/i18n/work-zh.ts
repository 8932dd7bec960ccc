/** The console's words for the knowledge base, reply templates and visits (issue 18), Chinese: spread into `app`. */
export const workZh = {
  visits: {
    title: '待走访', intro: '以下 %{smart_count} 户重点人群超过规定周期未走访、也未来电反映（未诉先办）：',
    never: '从未走访', overdue: '已超期 %{smart_count} 天（每 %{every} 天一次）', record: '记录走访', record_for: '记录走访：%{name}',
    note: '走访情况', saved: '已记录对 %{name} 的走访',
    log_case: '发现问题，同时登记诉求（网格巡查）', case_title: '诉求标题', case_category: '诉求分类', case_logged: '已登记诉求 %{number}',
  },
  watch: {
    title: '关注名单', intro: '%{from} 至 %{to}：同一电话或同一地址反复反映同类问题，以及同类问题集中的小区，宜主动上门（未诉先办）。',
    repeats: '重复诉求（%{smart_count} 条）', repeats_more: '只列出件数最多的 100 条', compounds: '小区同类问题高发（%{smart_count} 处）', min: '最少件数',
    by_phone: '同一电话', by_address: '同一地址', count: '%{smart_count} 件', open: '%{smart_count} 件未办结', span: '%{first} 至 %{last}',
    none_repeats: '这 30 天没有重复诉求', none_compounds: '这 30 天没有同类问题达到 %{min} 件的小区', household: '查看住户',
  },
  monthly: {
    title: '每月一题', month_label: '%{year}年%{month}月', month_short: '%{month}月', intro: '各社区该月反映最多的问题，及其到该月为止近六个月的件数：', month: '月份', trend: '近六个月件数',
    share: '占本社区诉求 %{share}（共 %{total} 件）', on_top: '连续 %{smart_count} 个月居首', first_time: '本月居首',
    empty: '%{month} 没有诉求', bar: '%{month}：%{count} 件（本社区共 %{total} 件）',
  },
  knowledge: {
    use_template: '使用模板',
    validity: '%{from} 至 %{until}', valid_from: '%{from} 起', valid_until: '至 %{until}', open: '长期有效', public_hint: '可直接向群众宣读或公开的答复；否则为内部办事流程',
    any_action: '任意办理环节', placeholders: '可用占位符：{居民} {单位} {时限} {编号} {分类}，使用时按工单自动填入',
    at_intake: '知识库（%{smart_count} 条）', search: '搜索知识库', public: '可对外答复', used: '已用 %{smart_count} 次',
    answer_with: '用此答复', answered: '已登记 %{number} 并按《%{title}》办结',
  },
};

/** The resources of the knowledge base, Chinese: spread into `resources`. */
export const workResourcesZh = {
  articles: {
    name: '知识库 |||| 知识库',
    fields: { id: 'ID', title: '标题', body: '正文', categoryId: '诉求分类', validFrom: '生效日期', validUntil: '失效日期', validity: '有效期', public: '可对外答复', active: '启用', uses: '使用次数', q: '搜索' },
  },
  'reply-templates': {
    name: '回复模板 |||| 回复模板',
    fields: { id: 'ID', name: '名称', text: '模板内容', action: '办理环节', active: '启用', uses: '使用次数', q: '搜索' },
  },
};
