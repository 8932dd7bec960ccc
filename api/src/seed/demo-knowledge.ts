import type { EntityManager } from 'typeorm';
import { Article } from '../knowledge/article.entity.js';
import { ReplyTemplate } from '../knowledge/reply-template.entity.js';

/** A few articles of the demo's knowledge base, by category code, so that intake offers answers from the start. */
const ARTICLES = [
  { category: 'heating_fee', title: '2026—2027 采暖季居民供暖收费标准', body: '居民住宅供暖费按建筑面积每平方米每月 4.5 元收取，采暖期 11 月 1 日至次年 3 月 31 日。可在热力公司营业厅、“西宁热力”微信公众号或银行代收点缴纳；低保户、特困人员凭证明减半。', from: '2026-10-15', until: '2027-04-30', public: true },
  { category: 'medical_insurance', title: '城乡居民医保 2027 年度参保缴费', body: '缴费期 2026 年 9 月 1 日至 12 月 31 日，个人缴费 400 元/年；可通过“青海医保”小程序、社区便民服务中心或银行网点缴纳。新生儿出生 90 天内参保，自出生之日起享受待遇。', from: '2026-09-01', until: '2026-12-31', public: true },
  { category: 'household', title: '户籍迁入办理材料与流程', body: '携带居民户口簿、居民身份证、房屋所有权证或购房合同，到火车站派出所户籍窗口办理；工作日 9:00—17:00，材料齐全当场受理，5 个工作日办结。', from: null, until: null, public: true },
  { category: 'property_fee', title: '物业费纠纷处理流程（内部）', body: '1. 核实小区物业服务合同及收费公示；2. 联系物业项目经理说明情况；3. 双方协商不成的，转住建局物业科调解；4. 记录调解结果并回访。', from: null, until: null, public: false },
];

const TEMPLATES = [
  { name: '转办告知', action: 'comment', text: '{居民}您好，您反映的{分类}问题（工单 {编号}）已转{单位}办理，将于{时限}前办结，请保持电话畅通。' },
  { name: '办结答复', action: 'reply', text: '{居民}您好，您反映的{分类}问题已处理完毕：' },
  { name: '政策咨询当场答复', action: 'close_directly', text: '已向{居民}解答相关政策，群众表示清楚。' },
];

export async function seedKnowledge(m: EntityManager, categories: Map<string, number>): Promise<void> {
  const rows = ARTICLES.map((a) => ({ title: a.title, body: a.body, categoryId: categories.get(a.category) ?? null, validFrom: a.from, validUntil: a.until, public: a.public, active: true }));
  await m.createQueryBuilder().insert().into(Article).values(rows).execute();
  await m.createQueryBuilder().insert().into(ReplyTemplate).values(TEMPLATES.map((t) => ({ ...t, active: true }))).execute();
}
