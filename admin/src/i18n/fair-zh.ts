/** The console's words for pauses, return rulings, appeals and the clock ledger (issue 18), Chinese: spread into `app`. */
export const fairZh = {
  fair: {
    uphold_return: '同意退单并改派',
    pause_request: '申请挂起：%{reason}', resume_on: '预计恢复：%{date}', requested_at: '申请时间：%{time}', note: '说明：%{note}',
    appeal_request: '第 %{level} 级申诉：%{reason}', rating: '被申诉的回访：%{resolved}，%{satisfaction}', resolved_yes: '已解决', resolved_no: '未解决',
    paused: '已挂起', paused_until: '已挂起 · 至 %{date}', bounced: '多次退单（%{smart_count} 次）',
    ledger: {
      title: '时限台账', signFor: '签收时限', response: '响应时限', resolve: '办结时限', none: '未开始',
      line: '%{limit}%{extended}%{paused} → %{due}（已用 %{spent}）', extended: ' + 延期 %{amount}', paused: ' − 挂起 %{amount}',
      hours: '%{amount} 小时', workdays: '%{amount} 个工作日',
      kinds: { counted: '计时', paused: '挂起', extended: '延期', returned: '退单往返' },
      states: { idle: '未开始', running: '计时中', paused: '已挂起', overdue: '已超时', met: '按时', missed: '超时', stopped: '已停止' },
    },
    rates: { adjusted: '核减后 %{value}', excused: '申诉核减回访', flow: '退单与流转', bounces_n: '退单 %{n} 次', flight_h: '流转 %{h} 小时', paused_h: '挂起 %{h} 小时' },
    rules_returns: '本社区自行审核退单',
    closure_paused: '挂起时长(小时)',
  },
};
