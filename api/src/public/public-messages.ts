/**
 * The sentences residents and integrators read (the public page's timeline, its refusals, Open311's errors),
 * in Chinese and English; merged into the one catalogue (common/messages.ts).
 */
export const PUBLIC_MESSAGES = {
  // the public timeline: what happened, never who did it
  publicCreate: { zh: '诉求已登记，等待受理', en: 'Request registered, waiting to be accepted' },
  publicDispatch: { zh: '已转交{unit}办理', en: 'Passed to {unit} to handle' },
  publicAccept: { zh: '{unit}已签收，正在办理', en: '{unit} has taken it on' },
  publicInCommunity: { zh: '社区已受理，正在办理', en: 'The community is handling it' },
  publicReply: { zh: '{unit}已答复：{result}', en: '{unit} replied: {result}' },
  publicCloseDirectly: { zh: '已办结：{result}', en: 'Closed: {result}' },
  publicFollowUp: { zh: '已回访：{resolved}，{satisfaction}', en: 'Followed up: {resolved}, {satisfaction}' },
  publicRated: { zh: '您已评价：{resolved}，{satisfaction}', en: 'You rated it: {resolved}, {satisfaction}' },
  publicReopened: { zh: '未解决，已重新办理', en: 'Not resolved: being handled again' },
  publicReopen: { zh: '已重新办理', en: 'Being handled again' },
  publicPaused: { zh: '{unit}暂停办理计时（需等待条件具备）{until}', en: '{unit} has paused the clock while waiting for conditions to be met{until}' },
  publicPausedUntil: { zh: '，预计 {date} 恢复', en: ', expected to resume on {date}' },
  publicResumed: { zh: '{unit}已恢复办理', en: '{unit} has resumed work on it' },
  publicReject: { zh: '不予受理：{reason}', en: 'Not accepted: {reason}' },
  publicMerge: { zh: '已与同一事项的诉求合并办理', en: 'Merged with another request about the same matter' },
  publicNote: { zh: '{action}说明：{note}', en: '{action}: {note}' },
  publicResolved: { zh: '问题已解决', en: 'resolved' },
  publicUnresolved: { zh: '问题未解决', en: 'not resolved' },
  publicCommunity: { zh: '社区', en: 'the community' },
  publicUnit: { zh: '责任单位', en: 'the responsible unit' },
  publicStatus: { zh: '办理状态：{status}', en: 'Status: {status}' },
  // refusals
  publicNotFound: { zh: '未找到该诉求，请核对编号和查询码', en: 'No request with this number and code' },
  publicNotRateable: { zh: '该诉求现在不能评价（{status}）；答复后才能评价，且只能评价一次', en: 'This request cannot be rated now ({status}): only once, after the reply' },
  publicTooMany: { zh: '提交过于频繁，请{wait}后再试', en: 'Too many requests; try again in {wait}' },
  publicChallenge: { zh: '验证未通过或已过期，请重新提交', en: 'failed or expired: submit again' },
  publicNoEntry: { zh: '不是可用的入口（{value}）', en: 'is not an open entry point ({value})' },
  publicNoPlace: { zh: '请选择所在社区或小区，或允许获取位置', en: 'is required: choose the community or compound, or share the location' },
  publicPhoto: { zh: '第 {n} 张照片无法读取：须为 JPEG、PNG、GIF 或 WebP 图片', en: 'photo {n} cannot be read: it must be a JPEG, PNG, GIF or WebP image' },
  publicTooManyPhotos: { zh: '最多 {max} 张照片', en: 'at most {max} photos' },
  creditCodeFormat: { zh: '须为 18 位统一社会信用代码', en: 'must be an 18-character unified social credit code' },
  mobileFormat: { zh: '须为 11 位手机号', en: 'must be an 11-digit mobile number' },
} as const satisfies Record<string, { zh: string; en: string }>;
