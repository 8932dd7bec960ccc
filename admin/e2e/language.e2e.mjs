// Every form with bad input, in the Chinese console: each message a person sees is Chinese (issue 14);
// the same forms in the English console speak English.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiAs, consoleSession, fillCaseForm, login, SHOTS } from './browser.mjs';

const HAN = /\p{Script=Han}/u;
/** Three English words in a row: a sentence left untranslated (a sample number or "PDF" alone is fine). */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[ ,'"]+[A-Za-z]{2,}){2,}/;

/** The error texts on screen: helper texts of fields in error, and notifications. */
const ERRORS = '.MuiFormHelperText-root.Mui-error, .MuiSnackbarContent-message, .MuiAlert-message';

async function seenErrors(page, what, { atLeast = 1 } = {}) {
  const box = page.locator(ERRORS);
  await box.first().waitFor();
  const texts = (await box.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  assert.ok(texts.length >= atLeast, `${what}: ${atLeast} or more messages, saw ${JSON.stringify(texts)}`);
  return texts;
}

async function assertChinese(page, what, options) {
  const texts = await seenErrors(page, what, options);
  for (const t of texts) {
    assert.match(t, HAN, `${what}: "${t}" is Chinese`);
    assert.doesNotMatch(t, ENGLISH_RUN, `${what}: "${t}" has no English sentence`);
  }
  return texts;
}

async function assertEnglish(page, what, options) {
  const texts = await seenErrors(page, what, options);
  for (const t of texts) assert.doesNotMatch(t, HAN, `${what}: "${t}" is English`);
  return texts;
}

/**
 * Opens a create form, types the bad values given (a pristine form cannot be saved), saves, and checks the
 * words: the bad values' messages and those of the required fields left empty.
 */
async function badForm(session, path, bad, check, { atLeast, shot } = {}) {
  const { page, server } = session;
  const save = page.getByRole('button', { name: check === assertChinese ? '保存' : 'Save' });
  await page.goto(`${server.baseUrl}/#/${path}/create`);
  await save.waitFor();
  for (const [name, value] of Object.entries(bad)) await page.locator(`input[name="${name}"]`).fill(value);
  await save.click();
  const texts = await check(page, `${path}: saved with ${JSON.stringify(bad)}`, { atLeast: atLeast ?? Object.keys(bad).length + 1 });
  if (shot) await page.screenshot({ path: `${SHOTS}${shot}.png` });
  return texts;
}

describe('the console speaks the language chosen, errors included', () => {
  const session = consoleSession();

  it('in Chinese, every form with bad input says what is wrong in Chinese only', async () => {
    const { page, server } = session;
    await login(page, server.baseUrl, 'admin');

    const resident = await badForm(session, 'residents', { phone: 'abc' }, assertChinese, { shot: 'language-1-resident' });
    assert.ok(resident.some((t) => /手机号/.test(t)), `the phone's format is named: ${resident}`);
    await badForm(session, 'departments', { phone: 'call me' }, assertChinese);
    await badForm(session, 'channels', { code: 'Bad Code' }, assertChinese);
    const user = await badForm(session, 'users', { username: 'a b', password: 'short' }, assertChinese, { shot: 'language-2-user' });
    assert.ok(user.some((t) => /至少 8 个字符/.test(t)), `the password's length is named: ${user}`);
    // A handler works for a unit: said in the form, before the API would refuse it.
    await page.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '责任单位经办人' }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('责任单位经办人必须选择所属单位').waitFor();
    await assertChinese(page, 'a handler without a unit');
    await badForm(session, 'calendar-days', { date: '2026-13-45' }, assertChinese, { atLeast: 1 });

    // The intake form: required fields first, then a phone only the API refuses (its answer is shown).
    await badForm(session, 'cases', { reporterPhone: '12' }, assertChinese, { atLeast: 3 });
    await fillCaseForm(page, { title: '路灯不亮', description: '小区门口路灯坏了' });
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '保存' }).click();
    assert.equal((await answered).status(), 400);
    const intake = await assertChinese(page, 'intake with a bad phone');
    assert.ok(intake.some((t) => /手机号/.test(t)), `the phone's format is named: ${intake}`);
    await page.screenshot({ path: `${SHOTS}language-3-intake.png` });

    // 申请延期 (延期申请) on a dispatched case (admin may act as the unit): nothing, then 99 days.
    const api = await apiAs(server.baseUrl, 'admin');
    const c = await api.logCase('楼道灯不亮（语言检查）');
    const [unit] = await api.get('/departments?range=[0,0]');
    await api.act(c.id, 'dispatch', { departmentId: unit.id });
    await page.goto(`${server.baseUrl}/#/cases/${c.id}/show`);
    await page.getByTestId('case-actions').getByRole('button', { name: '申请延期', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('action-submit').click();
    await assertChinese(page, 'an empty extension request', { atLeast: 2 });
    await dialog.locator('input[type="number"]').fill('99');
    await dialog.locator('textarea').first().fill('等配件');
    await dialog.getByTestId('action-submit').click();
    const days = await assertChinese(page, 'an extension of 99 days');
    assert.ok(days.some((t) => /1 到 60/.test(t)), `the range is named: ${days}`);
    await page.screenshot({ path: `${SHOTS}language-4-extension.png` });
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('in English, the same mistakes are explained in English, by the form and by the API', async () => {
    const { page, server } = session;
    await page.evaluate(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
    await page.goto(`${server.baseUrl}/#/`);
    await page.reload();
    await badForm(session, 'residents', { phone: 'abc' }, assertEnglish);

    await page.goto(`${server.baseUrl}/#/cases/create`);
    await page.locator('input[name="title"]').fill('Street light out');
    await page.locator('textarea[name="description"]').fill('At the gate');
    await page.getByRole('combobox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: '12345热线' }).click();
    await page.getByRole('combobox', { name: 'Category' }).fill('电梯');
    await page.getByRole('option', { name: /电梯/ }).first().click();
    await page.getByRole('combobox', { name: 'Grid unit' }).fill('小碱小区');
    await page.getByRole('option', { name: /小碱小区$/ }).first().click();
    await page.locator('input[name="reporterPhone"]').fill('12');
    await page.getByRole('button', { name: 'Save' }).click();
    const intake = await assertEnglish(page, 'intake with a bad phone, in English');
    assert.ok(intake.some((t) => /landline/.test(t)), `the API's English answer is shown: ${intake}`);
    await page.screenshot({ path: `${SHOTS}language-5-intake-en.png` });
  });
});
