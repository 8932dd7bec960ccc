// The residents' page at /m/ on a phone (390×844): ask with a photo, keep the number and code, follow it, and — once
// staff have dispatched and the unit has replied — rate it unsatisfied, which reopens the case. Also the enterprise
// entry, the refusals a resident reads, and the page at a desk's width.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, assertNoSidewaysScroll, consoleSession, SHOTS } from './browser.mjs';

const PHONE = { width: 390, height: 844 };
const q = (filter) => `filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** A phone's photo: 2400×1800 and a few MB as a PNG, drawn by the browser itself. */
async function bigPhoto(page) {
  const dataUrl = await page.evaluate(() => {
    const c = Object.assign(document.createElement('canvas'), { width: 2400, height: 1800 });
    const g = c.getContext('2d');
    for (let i = 0; i < 4000; i++) {
      g.fillStyle = `hsl(${(i * 37) % 360} 70% ${30 + (i % 40)}%)`;
      g.fillRect((i * 97) % 2400, (i * 53) % 1800, 60, 40);
    }
    return c.toDataURL('image/png');
  });
  return { name: '楼道.png', mimeType: 'image/png', buffer: Buffer.from(dataUrl.split(',')[1], 'base64') };
}

describe("the residents' page (/m/)", () => {
  const session = consoleSession();

  it('at 390×844: ask with a photo, keep the number and code, follow it, rate it unsatisfied after the reply', async () => {
    const base = session.server.baseUrl;
    const places = await (await fetch(`${base}/api/public/grid-units`)).json();
    const compound = places.find((p) => p.name === '小碱小区');
    const phone = await session.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);

    // A QR code in 小碱小区: the place is preset.
    await page.goto(`${base}/m/?entry=wechat&unit=${compound.id}`);
    await page.getByRole('link', { name: '我要反映' }).waitFor();
    assert.equal(await page.getByLabel('小区', { exact: true }).inputValue(), String(compound.id));
    assert.equal(await page.getByLabel('社区', { exact: true }).inputValue(), String(compound.parentId));
    await assertNoSidewaysScroll(page, 'ask');
    await page.screenshot({ path: `${SHOTS}residents-1-ask.png`, fullPage: true });

    await page.getByLabel('诉求分类').fill('电梯');
    await page.getByRole('radio', { name: /电梯故障/ }).check();
    await page.getByText('已选：住房城乡建设 / 物业管理 / 电梯故障').waitFor();
    await page.getByLabel('诉求内容').fill('5号楼电梯停了两天，楼上有独居老人，上下楼很困难');
    await page.locator('input[type=file]').setInputFiles(await bigPhoto(page));
    await page.locator('.previews img').waitFor();
    await page.getByLabel('姓名（可不填）').fill('王女士');
    await page.getByLabel(/手机号/).fill('1381234');

    // A phone number too short is named beside the field before anything is sent.
    await page.getByRole('button', { name: '提交诉求' }).tap();
    await page.getByText('须为 11 位手机号').waitFor();
    await page.getByLabel(/手机号/).fill('138 1234 5678');
    await assertNoSidewaysScroll(page, 'ask, filled');
    await page.screenshot({ path: `${SHOTS}residents-2-ask-filled.png`, fullPage: true });

    const posted = page.waitForRequest((r) => r.url().endsWith('/api/public/requests') && r.method() === 'POST');
    await page.getByRole('button', { name: '提交诉求' }).tap();
    const body = (await posted).postDataJSON();
    assert.ok((await posted).postData().length < 1_000_000, 'the whole body stays under the 1 MB limit');
    assert.equal(body.phone, '13812345678');
    assert.equal(body.gridUnitId, compound.id);
    assert.match(body.photos[0], /^data:image\/jpeg;base64,/);
    const size = await page.evaluate((src) => new Promise((ok) => Object.assign(new Image(), { src, onload() { ok([this.naturalWidth, this.naturalHeight]); } })), body.photos[0]);
    assert.deepEqual(size, [1280, 960], 'the photo shrunk on the phone to 1280 px');

    const number = (await page.getByTestId('asked-number').innerText()).trim();
    const secret = (await page.getByTestId('asked-secret').innerText()).trim();
    assert.match(number, /^\d{8}-\d+$/);
    assert.match(secret, /^[A-Z2-9]{6}$/);
    await page.getByText('请记下或截图保存诉求编号和查询码').waitFor();
    await assertNoSidewaysScroll(page, 'asked');
    await page.screenshot({ path: `${SHOTS}residents-3-asked.png`, fullPage: true });

    // Staff see it as received (已受理), from the public page, with its photo.
    const admin = await apiAs(base, 'admin');
    const [staffCase] = await admin.get(`/cases?${q({ number })}`);
    assert.equal(staffCase.status, 'received');
    assert.equal((await admin.get(`/attachments?${q({ caseId: staffCase.id })}`)).length, 1);

    await page.getByRole('button', { name: '查询进度' }).tap();
    await page.getByTestId('status').filter({ hasText: '已受理' }).waitFor();
    await page.getByText('诉求已登记，等待受理').waitFor();

    // Staff dispatch it; the unit signs for it and replies.
    const dispatcher = await apiAs(base, 'dispatcher');
    const [unit] = await dispatcher.get(`/departments?${q({ q: '鑫源物业' })}`);
    await dispatcher.act(staffCase.id, 'dispatch', { departmentId: unit.id });
    const handler = await apiAs(base, 'handler');
    await handler.act(staffCase.id, 'accept');
    await handler.act(staffCase.id, 'reply', { result: '已联系电梯维保单位，更换了控制板' });

    // Following is one tap from another visit: the page remembers the last request asked.
    await page.goto(`${base}/m/#follow`);
    await page.getByRole('button', { name: `查询我上次反映的诉求（${number}）` }).tap();
    await page.getByTestId('status').filter({ hasText: '已答复' }).waitFor();
    await page.getByText('鑫源物业已答复：已联系电梯维保单位，更换了控制板').waitFor();
    const steps = await page.locator('.timeline li').evaluateAll((items) => items.map((li) => li.dataset.action));
    assert.deepEqual(steps, ['create', 'dispatch', 'accept', 'reply']);
    assert.equal(await page.getByText('刘强').count(), 0, 'no staff names');
    await assertNoSidewaysScroll(page, 'follow');
    await page.screenshot({ path: `${SHOTS}residents-4-follow.png`, fullPage: true });

    await page.getByRole('button', { name: '去评价' }).tap();
    await page.getByText('问题是否解决').waitFor();
    // Nothing chosen: named, nothing sent.
    await page.getByRole('button', { name: '提交评价' }).tap();
    assert.equal(await page.getByText('请选择一项').count(), 2);
    await page.getByLabel('未解决').check();
    await page.getByLabel('不满意', { exact: true }).check();
    await page.getByLabel('意见或建议（可不填）').fill('电梯还是经常停');
    await assertNoSidewaysScroll(page, 'rate');
    await page.screenshot({ path: `${SHOTS}residents-5-rate.png`, fullPage: true });
    await page.getByRole('button', { name: '提交评价' }).tap();
    await page.getByText('感谢您的评价。您反映问题未解决，诉求已重新办理。').waitFor();

    const after = await admin.get(`/cases/${staffCase.id}`);
    assert.equal(after.satisfaction, 'unsatisfied');
    assert.equal(after.reopenCount, 1);
    await page.getByRole('link', { name: '查询进度' }).tap();
    await page.getByText('未解决，已重新办理').waitFor();
    await page.getByText('您的评价：未解决，不满意').waitFor();

    // Rated once: the 评价 tab says so instead of offering the form again.
    await page.getByRole('link', { name: '评价' }).tap();
    await page.getByText('该诉求还不能评价').waitFor();
    assert.equal(await page.getByRole('button', { name: '提交评价' }).isVisible(), false);
    await phone.close();
  });

  it('an enterprise asks through its entry, placed by the device location; a wrong code and a flood are told in words, with when to try again', async () => {
    const base = session.server.baseUrl;
    const admin = await apiAs(base, 'admin');
    const [park] = (await admin.get(`/grid-units?${q({ q: '康乐园' })}`)).filter((u) => u.level === 'compound');
    // Standing in 康乐园: the server picks the nearest compound when none is chosen.
    const phone = await session.browser.newContext({
      locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: PHONE, isMobile: true, hasTouch: true,
      geolocation: { latitude: Number(park.lat), longitude: Number(park.lng), accuracy: 30 }, permissions: ['geolocation'],
    });
    const page = await phone.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${base}/m/?entry=enterprise`);
    await page.getByRole('heading', { name: '企业诉求 · 马上办' }).waitFor();
    await page.getByLabel('诉求分类').fill('物业收费');
    await page.getByRole('radio', { name: /物业收费/ }).check();
    await page.getByLabel('诉求内容').fill('园区物业收取的停车费与合同约定不符');
    await page.getByRole('button', { name: '使用当前位置' }).tap();
    await page.getByText('已获取当前位置（约 30 米内）').waitFor();
    await page.getByLabel('统一社会信用代码（可不填）').fill('9163010');
    await page.getByRole('button', { name: '提交诉求' }).tap();
    await page.getByText('请填写企业名称').waitFor();
    await page.getByText('须为 18 位统一社会信用代码').waitFor();
    await page.getByLabel('企业名称').fill('青海某某科技有限公司');
    await page.getByLabel('统一社会信用代码（可不填）').fill('91630100ma7xxxxx1k');
    await assertNoSidewaysScroll(page, 'enterprise ask');
    await page.screenshot({ path: `${SHOTS}residents-6-enterprise.png`, fullPage: true });
    await page.getByRole('button', { name: '提交诉求' }).tap();
    const number = (await page.getByTestId('asked-number').innerText()).trim();
    const [c] = await admin.get(`/cases?${q({ number })}`);
    assert.equal(c.reporterName, '青海某某科技有限公司');
    assert.equal(c.gridUnitId, park.id, 'placed at the compound where the phone stands');

    // A wrong code: the API's own words.
    await page.getByRole('link', { name: '查询进度' }).tap();
    await page.getByLabel('诉求编号', { exact: true }).fill(number);
    await page.getByLabel('查询码', { exact: true }).fill('AAAAAA');
    await page.getByRole('button', { name: '查询', exact: true }).tap();
    await page.getByText('未找到该诉求，请核对编号和查询码').waitFor();

    // A flood answered 429 (stubbed here: the real limit is ten an hour per address): the words and the time to retry.
    await page.route('**/api/public/requests', (route) =>
      route.fulfill({ status: 429, headers: { 'Retry-After': '1800', 'Content-Type': 'application/json' }, body: JSON.stringify({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: '提交过于频繁，请30分钟后再试' }) }),
    );
    await page.getByRole('link', { name: '我要反映' }).tap();
    await page.getByRole('button', { name: '再反映一件事' }).tap();
    await page.getByLabel('诉求分类').fill('物业收费');
    await page.getByRole('radio', { name: /物业收费/ }).check();
    await page.getByLabel('诉求内容').fill('园区路灯坏了一个月没有人修');
    await page.getByRole('button', { name: '提交诉求' }).tap();
    await page.getByText(/^提交过于频繁，请30分钟后再试（\d\d:\d\d 后可再试）$/).waitFor();
    await phone.close();
  });

  it('at 1400×900 the same page reads as one centred column', async () => {
    const { page } = session;
    await page.goto(`${session.server.baseUrl}/m/`);
    await page.getByLabel('诉求分类').waitFor();
    const form = await page.locator('.view').first().boundingBox();
    assert.ok(form.width <= 640 && form.x > 300, `one centred column: ${JSON.stringify(form)}`);
    await assertNoSidewaysScroll(page, 'desktop');
    await page.screenshot({ path: `${SHOTS}residents-7-desktop.png` });
  });
});
