/**
 * What Open311 clients read in `[{code, description}]` (in the request's Accept-Language, Chinese by default);
 * merged into the one catalogue (common/messages.ts).
 */
export const OPEN311_MESSAGES = {
  open311KeyRequired: { zh: '缺少接口密钥（api_key）', en: 'api_key is required' },
  open311KeyInvalid: { zh: '接口密钥无效或已停用', en: 'Invalid or revoked api_key' },
  open311TooMany: { zh: '该接口密钥请求过于频繁，请{wait}后再试', en: 'Too many calls with this api_key; try again in {wait}' },
  open311Format: { zh: '不支持的格式（{format}），请用 .json 或 .xml', en: 'Unsupported format ({format}): use .json or .xml' },
  open311NoRoute: { zh: '没有这个接口：{path}', en: 'No such endpoint: {path}' },
  open311NoService: { zh: '没有这个服务类别：{code}', en: 'No service with code {code}' },
  open311NoRequest: { zh: '没有这个诉求：{id}', en: 'No service request {id}' },
  open311NoToken: { zh: '没有这个令牌：{token}', en: 'No service request for token {token}' },
  open311BadDate: { zh: '须为 ISO 8601 时间（如 2026-10-15T08:00:00+08:00 或 2026-10-15）', en: 'must be an ISO 8601 time (e.g. 2026-10-15T08:00:00+08:00 or 2026-10-15)' },
  open311Window: { zh: '不能早于开始时间，且距开始时间不能超过 {days} 天', en: 'must not be before start_date, nor more than {days} days after it' },
  open311Status: { zh: '须为 open 或 closed（可逗号分隔）', en: 'must be open or closed (comma-separated)' },
  open311TooManyIds: { zh: '一次最多查询 {max} 个编号', en: 'at most {max} ids at once' },
  open311NoPlace: { zh: '请提供 lat/long、address_string 或 address_id（社区或小区编号）之一', en: 'Give lat/long, address_string or address_id (a community or compound id)' },
  open311PlaceUnknown: { zh: '找不到对应的社区或小区（{value}）', en: 'matches no community or compound ({value})' },
  open311Number: { zh: '须为 1 到 {max} 的整数', en: 'must be a whole number from 1 to {max}' },
} as const satisfies Record<string, { zh: string; en: string }>;
