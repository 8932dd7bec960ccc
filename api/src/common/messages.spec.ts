import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CreateCaseDto } from '../cases/dto/create-case.dto.js';
import { CreateResidentDto } from '../residents/dto/resident.dto.js';
import { CreateUserDto } from '../users/dto/user.dto.js';
import { AppError, fieldError, forbidden, notFound } from './errors.js';
import { localeOf, render, text, words, type Locale } from './localize.js';
import { MESSAGES } from './messages.js';
import { createValidationPipe } from './validation.js';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const HAN = /\p{Script=Han}/u;
/** Three English words in a row: a sentence left untranslated (JSON, PDF, MB or a sample value alone are fine). */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,'"]+[A-Za-z]{2,}){2,}/;

/** What the filter sends: the message and the field errors rendered in one language. */
function answer(err: AppError, locale: Locale) {
  return { message: render(err.text, locale), errors: Object.fromEntries(Object.entries(err.errors ?? {}).map(([f, why]) => [f, render(why, locale)])) };
}

async function refusal(dto: new () => unknown, body: unknown): Promise<AppError> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: dto });
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e;
  }
  return assert.fail('expected the body to be refused');
}

describe('message catalogue', () => {
  it('has every message in Chinese and English, with the same parameters', () => {
    for (const [key, { zh, en }] of Object.entries(MESSAGES)) {
      assert.ok(zh.trim() && en.trim(), `${key} has both`);
      assert.deepEqual(placeholders(zh), placeholders(en), `${key}: the same parameters`);
      // Every message says something in Chinese, but for the pure joiner of a field and its why.
      if (key !== 'fieldWhy') assert.match(zh, HAN, `${key} is Chinese in zh`);
      assert.doesNotMatch(zh, ENGLISH_RUN, `${key} has no English sentence in zh`);
      assert.doesNotMatch(en, HAN, `${key} has no Chinese in en`);
    }
  });

  it('names statuses, actions and roles in Chinese words for zh and by their codes for en', () => {
    const t = text('illegalTransition', { action: words('action', 'dispatch'), status: words('status', 'closed'), allowed: words('action', ['comment', 'reopen']) });
    assert.equal(render(t, 'zh'), '工单已办结，不能派单；现在可以：备注、重办');
    assert.equal(render(t, 'en'), '"dispatch" is not allowed while the case is closed; you may: comment, reopen');
    assert.equal(render(text('illegalTransition', { action: words('action', 'accept'), status: words('status', 'merged'), allowed: [] }), 'zh'), '工单已并案，不能签收；现在可以：无');
    const roles = forbidden('needsRoles', { roles: words('role', ['supervisor', 'dispatcher']) });
    assert.equal(answer(roles, 'zh').message, '此操作需要以下角色之一：督办、受理派单员');
    assert.equal(answer(roles, 'en').message, 'This needs one of the roles: supervisor, dispatcher');
  });

  it('names the field in the summary, in the field label of the console', () => {
    const err = fieldError('gridUnitId', 'wholeNumber');
    assert.deepEqual(answer(err, 'zh'), { message: '提交的内容有误：所属网格必须是整数', errors: { gridUnitId: '必须是整数' } });
    assert.deepEqual(answer(err, 'en'), { message: 'Validation failed: gridUnitId must be a whole number', errors: { gridUnitId: 'must be a whole number' } });
    assert.equal(answer(fieldError('filter.receivedAt_gte', 'instantOrDate'), 'zh').message, '提交的内容有误：筛选条件「受理时间起」必须是带时区的时间或日期，如 2026-10-15');
    assert.equal(answer(notFound('Grid unit', 7), 'zh').message, '网格 7 不存在');
    assert.equal(answer(notFound('Grid unit', 7), 'en').message, 'Grid unit 7 not found');
  });
});

describe('class-validator messages', () => {
  it('are rendered by constraint, with the bounds the decorator was given', async () => {
    const err = await refusal(CreateCaseDto, { title: '', description: 'x'.repeat(5001), type: 'nonsense', channelId: 'one', categoryId: 1, gridUnitId: 1.5, reporterPhone: '12' });
    const zh = answer(err, 'zh').errors;
    assert.equal(zh.title, '不能为空');
    assert.equal(zh.description, '最多 5000 个字符');
    assert.equal(zh.type, '必须是以下之一：咨询、求助、投诉、举报、建议、表扬');
    assert.equal(zh.channelId, '必须是整数');
    assert.equal(zh.gridUnitId, '必须是整数');
    assert.equal(zh.reporterPhone, '必须是手机号（如 13812341234）或座机号（如 0971-1234567）');
    const en = answer(err, 'en').errors;
    assert.equal(en.description, 'must be at most 5000 characters');
    assert.equal(en.type, 'must be one of consult, help, complaint, report, suggestion, praise');
  });

  it('say which list value and which length', async () => {
    const resident = await refusal(CreateResidentDto, { name: '张三', gridUnitId: 1, tags: ['veteran', 'vip'] });
    assert.match(answer(resident, 'zh').errors.tags, /^每一项都必须是以下之一：独居老人、/);
    const user = await refusal(CreateUserDto, { username: 'a b', name: '李四', role: 'boss', password: 'short' });
    assert.deepEqual(answer(user, 'zh').errors, {
      username: '须为 2–50 位字母、数字或 _ . -',
      role: '必须是以下之一：系统管理员、督办、受理派单员、网格员、责任单位经办人',
      password: '至少 8 个字符',
    });
  });
});

describe('the language of a request', () => {
  it('is Chinese unless English is preferred', () => {
    assert.equal(localeOf(undefined), 'zh');
    assert.equal(localeOf(''), 'zh');
    assert.equal(localeOf('fr-FR'), 'zh');
    assert.equal(localeOf('zh-CN,zh;q=0.9,en;q=0.8'), 'zh');
    assert.equal(localeOf('en'), 'en');
    assert.equal(localeOf('en-US,en;q=0.9'), 'en');
    assert.equal(localeOf('fr, en-GB;q=0.8, zh;q=0.5'), 'en');
    assert.equal(localeOf('zh;q=0.4, en;q=0.6'), 'en');
  });
});
