import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dailyText } from './daily-text.js';

describe('the daily report text (日报)', () => {
  it('reads as the published one', () => {
    const text = dailyText({
      date: '2026-10-15',
      calls: 36,
      online: { total: 5, byChannel: [{ name: '微信公众号', count: 3 }, { name: '市政府网', count: 2 }, { name: '人民网', count: 0 }] },
      handledDirectly: 12,
      transferred: 20,
      hotTopics: [
        { categoryName: '物业管理', count: 9, concentrated: false },
        { categoryName: '市政设施', count: 7, concentrated: true, spots: [{ unitName: '3号网格', categoryName: '污水井', count: 5 }] },
      ],
      safety: { total: 3, byChannel: [{ name: '12345热线', count: 2 }, { name: '消防救援支队', count: 1 }] },
    });
    assert.equal(
      text,
      '10月15日，12345政务服务便民热线接听群众来电诉求36件次，网民留言5件（微信公众号3件，市政府网2件），直接办理12件，转交责任单位办理20件。' +
        '热点问题：1. 物业管理9件，无集中反映问题。2. 市政设施7件，其中3号网格集中反映污水井问题5件。' +
        '安全隐患举报3件，其中12345热线接收2件、消防救援支队接收1件。',
    );
  });

  it('a quiet day: no online breakdown, no hot topics, no safety channels', () => {
    const text = dailyText({ date: '2026-01-05', calls: 0, online: { total: 0, byChannel: [] }, handledDirectly: 0, transferred: 0, hotTopics: [], safety: { total: 0, byChannel: [] } });
    assert.equal(text, '1月5日，12345政务服务便民热线接听群众来电诉求0件次，网民留言0件，直接办理0件，转交责任单位办理0件。热点问题：无。安全隐患举报0件。');
  });
});
