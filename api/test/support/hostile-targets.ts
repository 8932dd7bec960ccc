import type { FuzzTargets } from './hostile.js';

/** The ids a valid body names: a channel, categories, units, departments and a handler of this database. */
export interface TargetIds {
  channel: number;
  category: number;
  subCategoryParent: number;
  compound: number;
  zone: number;
  department: number;
  handler: number;
}

export const LIST_RESOURCES = ['cases', 'case-events', 'grid-units', 'residents', 'departments', 'categories', 'channels', 'users', 'calendar-days', 'attachments', 'webhooks', 'webhook-deliveries'];

/**
 * What a fuzzer needs to know to get past the first check: each list's filters and sort fields, as the API
 * names them (in English) to a script that asks for one it lacks, and a valid body per resource and action.
 * `get` answers a GET as the admin: `{status, body}`.
 */
export async function learnTargets(get: (path: string) => Promise<{ status: number; body: any }>, ids: TargetIds): Promise<FuzzTargets> {
  const lists: FuzzTargets['lists'] = {};
  const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
  for (const r of LIST_RESOURCES) {
    const ask = async (query: string) => {
      const res = await get(`/api/${r}?${query}`);
      if (res.status !== 400) throw new Error(`${r}?${query}: ${res.status}, expected the 400 that names the fields`);
      return (Object.values(res.body.errors as Record<string, string>)[0].split(/: |; \w+: /).pop() as string).split(', ');
    };
    lists[r] = { filters: await ask(`filter=${q({ zzz: 1 })}`), sorts: await ask(`sort=${q(['zzz', 'ASC'])}`) };
  }
  return {
    lists,
    roles: ['admin', 'supervisor', 'dispatcher', 'worker', 'handler'],
    bodies: {
      cases: { title: '楼道灯不亮', description: '5号楼', type: 'help', channelId: ids.channel, categoryId: ids.category, gridUnitId: ids.compound, reporterPhone: '13812345601', receivedAt: '2026-11-30T09:00:00+08:00' },
      'grid-units': { name: '网格', code: 'G', level: 'grid', parentId: ids.zone, leaderName: '王五', leaderPhone: '13912345678' },
      residents: { name: '李四', phone: '13900001111', gridUnitId: ids.compound, address: '5号楼2单元', tags: ['elderly'] },
      departments: { name: '物业', kind: 'property', phone: '0971-1234567' },
      categories: { name: '类别', code: 'c', parentId: ids.subCategoryParent, departmentId: ids.department, signForHours: 1, responseHours: 24, resolveLimit: 5, resolveUnit: 'workdays' },
      channels: { name: '渠道', code: 'ch', group: 'online' },
      users: { username: 'fz', name: '测试', password: 'password-1', role: 'handler', departmentId: ids.department },
      'calendar-days': { date: '2027-01-04', workday: false, name: '调休' },
      // A receiver nobody listens on: deliveries to it fail at once and are retried, as to any platform that is down.
      webhooks: { name: '推送', url: 'http://127.0.0.1:9/hook', secret: 'fuzz-secret-0123456789', events: ['dispatch', 'reply'] },
    },
    publicBodies: {
      ask: { entry: 'wechat', categoryId: ids.category, description: '3号楼电梯停了两天', gridUnitId: ids.compound, name: '王女士', phone: '13812345678', company: '某公司', creditCode: '91630100MA7XXXXX1K', photos: ['data:image/png;base64,iVBORw0KGgo='], lat: 36.6, lng: 101.8, challenge: '14.1.x.y', nonce: '1' },
      rating: { secret: 'ABCDEF', resolved: true, satisfaction: 'satisfied', comment: '好' },
    },
    actions: {
      close_directly: { result: '已解答' }, dispatch: { departmentId: ids.department, assigneeId: ids.handler }, accept: {},
      handle_in_community: {}, return: { reason: '不属于本单位' }, contact: {}, reply: { result: '已修复' }, follow_up: { resolved: true, satisfaction: 'satisfied' },
      reopen: { reason: '未修好' }, request_extension: { days: 2, reason: '等配件' }, approve_extension: {}, reject_extension: {}, supervise: { level: 1 },
      merge: { intoCaseId: 1 }, reject: { reason: '重复' }, comment: { note: '已电话联系' },
      request_pause: { reason: 'third_party', resumeOn: '2027-01-05' }, approve_pause: {}, reject_pause: {}, resume: {}, overrule_return: { note: '属本单位' },
      appeal: { reason: 'unreachable', note: '三次未接通' }, uphold_appeal: {}, reject_appeal: {},
    },
  };
}
