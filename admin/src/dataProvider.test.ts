import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { explainStaleSave } from './dataProvider';
import { messages } from './i18n';

describe('a save someone else beat', () => {
  it('becomes the console’s own sentence, in both languages, with no field errors to hide it', () => {
    const refused = new HttpError('该诉求分类已被他人修改（现为第 3 版），请刷新后重试', 409, { message: '…', errors: { version: '必填' }, current: { id: 4, version: 3 } });
    const shown = explainStaleSave(refused) as HttpError;
    expect(shown.message).toBe('app.records.stale');
    expect(shown.status).toBe(409);
    expect(shown.body.errors).toBeUndefined();
    expect(shown.body.current).toEqual({ id: 4, version: 3 });
    expect(messages.zh.app.records.stale).toBe('该记录已被他人修改，请刷新后重试');
    expect(messages.en.app.records.stale).toMatch(/reload/);
  });

  it('leaves other errors as they are (a 409 for a duplicate code, a 400)', () => {
    const dup = new HttpError('编码已被占用', 409, { message: '编码已被占用', errors: { code: '已被占用' } });
    expect(explainStaleSave(dup)).toBe(dup);
    const bad = new HttpError('x', 400, { errors: { name: '不能为空' } });
    expect(explainStaleSave(bad)).toBe(bad);
  });
});
