import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserJourney } from './support/journey.js';
import { screenshot, settle } from './support/browser.js';
import { demoAccounts, listQuery } from './support/api.js';

/**
 * An Industry College application from draft to active partnership, through the real screens:
 *
 * 1. A school of East China without an application in flight or a partnership (the demo data's
 *    Wenzhou Polytechnic, wzpt@demo.test, whose only application was withdrawn; another such school
 *    if the demo data changes) drafts the application: the form saves as it types, a file of a
 *    refused type shows the server's message, a PDF is attached, and it is submitted.
 * 2. The East China reviewer finds it in the queue and returns it with an overall comment and a
 *    comment on the targets.
 * 3. The school follows the bell's notification, sees both comments (the one on the targets next to
 *    them), revises and resubmits.
 * 4. The reviewer approves the qualifications; HQ approves the plan, approving each item that needs
 *    platform support; the agreement is created.
 * 5. HQ signs, records the plaque ceremony with a photo, and passes the inspection.
 * 6. The school sees its active agreement, in its first year of three.
 */

interface School { id: number; name: string; regionId: number; status: string }
interface User { id: number; email: string; role: string; schoolId: number | null }
interface Application { id: number; schoolId: number; status: string; version: number; reviewComments: Record<string, string>; planItems: { id: number; needsPlatformSupport: boolean; approved: boolean | null }[] }
interface Agreement { id: number; schoolId: number; applicationId: number | null; status: string; startDate: string | null; currentYear: number | null; termYears: number; signedOn: string | null; plaqueOn: string | null; plaquePlace: string | null }

/** The product, and a signed-in browser context of its own (its own cookie) per person, as each uses their own browser. */
const journey = browserJourney();
const as = journey.as;

async function apiAs<T>(page: Page, pathAndQuery: string): Promise<T> {
  const res = await page.request.get(pathAndQuery);
  expect(res.status(), pathAndQuery).toBe(200);
  return (await res.json()) as T;
}

/**
 * The save indicator has seen the last change (unsaved for the debounce second, then saving) and
 * says everything typed is saved.
 */
async function saved(page: Page) {
  await page.locator('[data-testid="save-status"]:is([data-status="dirty"], [data-status="saving"])').waitFor({ timeout: 5_000 }).catch(() => {});
  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 90_000 });
}

/** Picks an option of a react-admin SelectInput (an MUI select) by the name of its hidden input. */
async function choose(page: Page, name: string, option: string | number) {
  await page.locator(`input[name="${name}"]`).locator('xpath=..').locator('[role="combobox"]').click();
  const listbox = page.getByRole('listbox');
  const item = typeof option === 'number' ? listbox.getByRole('option').nth(option) : listbox.getByRole('option', { name: option, exact: true });
  await item.click();
  await listbox.waitFor({ state: 'detached' });
}

/** Clicks a workflow action button of the show page and waits for its dialog. */
async function openAction(page: Page, action: string) {
  await page.locator(`[data-action="${action}"]`).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

/** Confirms the open workflow dialog and waits until the action's POST answered 200 and the dialog closed. */
async function confirmAction(page: Page, action: string) {
  const answered = page.waitForResponse((r) => r.url().includes(`/actions/${action}`) && r.request().method() === 'POST');
  await page.getByRole('dialog').getByTestId('workflow-confirm').click();
  const res = await answered;
  expect(res.status(), `${action}: ${await res.text()}`).toBe(200);
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await settle(page);
}

/**
 * After one of HQ's agreement steps HQ lands on the next agreement of its queue (issue 17): the next one
 * waiting for signing, its ceremony or its inspection, as the queue read through the API names it, or
 * the same agreement with "queue done". The journey then goes back to the agreement it follows.
 */
async function landsOnNextAgreement(page: Page, id: number) {
  const queue = await apiAs<Agreement[]>(page, `/api/agreements${listQuery({ filter: { status: ['pending_signing', 'pending_plaque', 'pending_inspection'] }, sort: ['updatedAt', 'ASC'], range: [0, 1] })}`);
  const next = queue.find((a) => a.id !== id);
  if (next) {
    await page.waitForURL(new RegExp(`#/agreements/${next.id}/show$`));
    await page.getByRole('heading', { level: 1, name: `合作协议 #${next.id}` }).waitFor();
  } else {
    await page.getByTestId('queue-done').waitFor();
    expect(page.url()).toMatch(new RegExp(`#/agreements/${id}/show$`));
  }
  await page.goto(`/#/agreements/${id}/show`);
  await settle(page);
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('an Industry College application, from draft to active partnership', () => {
  let schoolEmail = '';
  let school: School;
  let applicationId = 0;
  let agreementId = 0;
  let schoolPage: Page;
  let eastPage: Page;
  let hqPage: Page;

  it('finds an East China school without an application in flight or a partnership', async () => {
    hqPage = await as(demoAccounts.hq);
    const regions = await apiAs<{ id: number; code: string }[]>(hqPage, `/api/regions${listQuery({ range: [0, 99] })}`);
    const east = regions.find((r) => r.code === 'east')!;
    const prospects = await apiAs<School[]>(hqPage, `/api/schools${listQuery({ filter: { regionId: east.id, status: 'prospect' }, range: [0, 999] })}`);
    const schoolUsers = await apiAs<User[]>(hqPage, `/api/users${listQuery({ filter: { role: 'school' }, range: [0, 999] })}`);
    const candidates = schoolUsers.filter((u) => prospects.some((s) => s.id === u.schoolId));
    const chosen = candidates.find((u) => u.email === 'wzpt@demo.test') ?? candidates[0];
    expect(chosen, 'the demo data has an East China school user whose school is a prospect (no application in flight, no partnership)').toBeDefined();
    schoolEmail = chosen.email;
    school = prospects.find((s) => s.id === chosen.schoolId)!;
  });

  it('the school drafts the application; the form saves as it types', async () => {
    schoolPage = await as(schoolEmail);
    const page = schoolPage;
    await page.getByRole('menuitem', { name: '申报', exact: true }).click();
    await settle(page);
    await page.getByRole('link', { name: '新建申报' }).first().click();
    await page.locator('[data-tier="industry_college"]').click();
    await page.getByTestId('create-draft').click();
    await page.waitForURL(/#\/applications\/\d+$/);
    applicationId = Number(/applications\/(\d+)$/.exec(page.url())![1]);
    await settle(page);

    await page.locator('input[name="plan.contact.name"]').fill('陈晓明');
    await page.locator('input[name="plan.contact.phone"]').fill('0577-86680000');
    await page.locator('input[name="plan.qualifications.cbecDisciplineBase"]').check();
    await page.locator('input[name="plan.qualifications.talentTrainingValued"]').check();
    await page.locator('textarea[name="plan.qualifications.longTermPlan"]').fill('依托国际经济与贸易专业群开设跨境电子商务专业，三年内建成覆盖温州产业带的跨境电商B2B人才培养基地，每年培养学生120人以上。');
    await page.locator('textarea[name="plan.summary"]').fill('与阿里巴巴国际站共建产业学院：使用官方1+X教材与线上课程教学，新增两门32学时线下B2B专业课，与服务商合作开展真实项目实践。');
    await saved(page);

    // The targets, below the tier's thresholds for now (the reviewer will say so).
    await page.locator('input[name="plan.targets.certificates1x"]').fill('150');
    await page.locator('input[name="plan.targets.certificatesOperator"]').fill('200');
    await page.locator('input[name="plan.targets.jobPlatformRate"]').fill('96');
    await page.locator('input[name="plan.targets.practiceHoursPerStudent"]').fill('160');
    await page.getByTestId('threshold-warning-plan.targets.certificates1x').waitFor();

    const instructors = [['林海', '1XJS2024000101', '高级'], ['周敏', '1XJS2024000102', '中级'], ['黄磊', '1XJS2023000103', '中级'], ['吴静', '1XJS2023000104', '初级']];
    for (const [i, [name, certNo, level]] of instructors.entries()) {
      await page.getByRole('button', { name: '添加讲师' }).click();
      await page.locator(`input[name="items.instructor.${i}.details.name"]`).fill(name);
      await page.locator(`input[name="items.instructor.${i}.details.certNo"]`).fill(certNo);
      await choose(page, `items.instructor.${i}.details.level`, level);
    }
    await page.getByRole('button', { name: '添加教学资源' }).click();
    // Option 0 is react-admin's empty choice; the catalogue follows.
    await choose(page, 'items.teaching_resource.0.details.courseId', 1);
    await page.getByRole('button', { name: '添加教学资源' }).click();
    await choose(page, 'items.teaching_resource.1.details.courseId', 2);
    await page.locator('input[name="items.teaching_resource.1.needsPlatformSupport"]').check();
    await page.getByRole('button', { name: '添加实践项目' }).click();
    await page.locator('input[name="items.practice_project.0.title"]').fill('温州鞋服产业带店铺代运营');
    await page.locator('input[name="items.practice_project.0.details.hoursPerStudent"]').fill('160');
    await page.locator('input[name="items.practice_project.0.needsPlatformSupport"]').check();
    await page.getByRole('button', { name: '添加招聘会' }).click();
    await page.locator('input[name="items.job_fair.0.title"]').fill('温州跨境电商人才专场招聘会');
    await page.locator('input[name="plan.contact.name"]').click();
    await saved(page);

    // A refused file type: the problem in the UI's language (by its code), nothing stored.
    const input = page.getByTestId('attachment-input');
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/evidence') && r.request().method() === 'POST');
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not accepted') });
    expect((await refused).status()).toBe(400);
    await page.getByTestId('attachments').getByRole('alert').getByText(/notes\.txt: 不接受这种类型的文件/).waitFor();
    const stored = page.waitForResponse((r) => r.url().endsWith('/api/evidence') && r.request().method() === 'POST');
    await input.setInputFiles({ name: '专业开设文件.pdf', mimeType: 'application/pdf', buffer: pdf });
    expect((await stored).status()).toBe(201);
    await page.getByTestId('attachments').getByRole('link', { name: '专业开设文件.pdf' }).waitFor();

    await page.locator('input[name="pledge"]').check();
    await saved(page);
    const draft = await apiAs<Application>(page, `/api/applications/${applicationId}`);
    expect(draft.status).toBe('draft');
    expect(draft.planItems.map((i) => (i as unknown as { kind: string }).kind).sort()).toEqual(
      ['instructor', 'instructor', 'instructor', 'instructor', 'job_fair', 'practice_project', 'teaching_resource', 'teaching_resource']);
    await screenshot(page, 'application-draft');

    await page.getByTestId('submit-application').click();
    await confirmAction(page, 'submit');
    await page.waitForURL(new RegExp(`#/applications/${applicationId}/show$`));
    await page.getByText('待大区审核').first().waitFor();
  });

  it('the East China reviewer finds it in the queue and returns it with comments', async () => {
    eastPage = await as(demoAccounts.east);
    const page = eastPage;
    await page.getByRole('menuitem', { name: '申报', exact: true }).click();
    await settle(page);
    await page.getByTestId('queue-toggle-queue').waitFor();
    await page.getByRole('cell', { name: school.name }).click();
    await page.waitForURL(new RegExp(`#/applications/${applicationId}/show$`));
    await settle(page);

    const dialog = await openAction(page, 'regional_return');
    await dialog.getByTestId('action-comment').fill('资质材料齐全，但考证目标偏低，请调整后重新提交。');
    await dialog.getByRole('button', { name: '添加逐项意见' }).click();
    await dialog.getByLabel('内容').click();
    await page.getByRole('option', { name: '培养目标' }).click();
    await dialog.getByLabel('意见', { exact: true }).fill('1+X 证书每年不少于 200 人，或操盘官证书不少于 280 人。');
    await screenshot(page, 'application-return-dialog');
    await confirmAction(page, 'regional_return');
    // The reviewer moves on to the next application of the queue (issue 17); the returned one is returned.
    expect((await apiAs<Application>(page, `/api/applications/${applicationId}`)).status).toBe('returned');
  });

  it('the school follows the notification, sees the comments beside the fields, revises and resubmits', async () => {
    const page = schoolPage;
    await page.goto('/#/');
    await settle(page);
    const bell = page.getByTestId('notification-bell');
    await expect.poll(async () => bell.getAttribute('aria-label'), { timeout: 90_000 }).toMatch(/未读/);
    await bell.click();
    await page.getByTestId('notification-item').filter({ hasText: `大区退回了申报 #${applicationId}` }).click();
    await page.waitForURL(new RegExp(`#/applications/${applicationId}/show$`));
    await settle(page);
    await page.getByTestId('review-banner').getByText('资质材料齐全，但考证目标偏低').waitFor();

    await page.getByTestId('edit-application').click();
    await page.waitForURL(new RegExp(`#/applications/${applicationId}$`));
    await settle(page);
    await page.getByTestId('section-targets').getByText('1+X 证书每年不少于 200 人').waitFor();
    await page.locator('input[name="plan.targets.certificates1x"]').fill('220');
    await page.getByTestId('threshold-warning-plan.targets.certificates1x').waitFor({ state: 'detached' });
    await saved(page);
    await screenshot(page, 'application-returned-form');
    await page.getByTestId('submit-application').click();
    await confirmAction(page, 'resubmit');
    await page.waitForURL(new RegExp(`#/applications/${applicationId}/show$`));
    await page.getByText('待大区审核').first().waitFor();
  });

  it('the reviewer approves the qualifications', async () => {
    const page = eastPage;
    // Back in the queue, where the resubmitted application waits again.
    await page.getByRole('menuitem', { name: '申报', exact: true }).click();
    await settle(page);
    await page.getByRole('cell', { name: school.name }).click();
    await page.waitForURL(new RegExp(`#/applications/${applicationId}/show$`));
    await settle(page);
    const dialog = await openAction(page, 'regional_approve');
    await dialog.getByTestId('action-comment').fill('资质审核通过。');
    await confirmAction(page, 'regional_approve');
    expect((await apiAs<Application>(page, `/api/applications/${applicationId}`)).status).toBe('pending_hq');
  });

  it('HQ approves the plan, approving each item that needs platform support', async () => {
    const page = hqPage;
    await page.getByRole('menuitem', { name: '申报', exact: true }).click();
    await settle(page);
    await page.getByRole('cell', { name: school.name }).click();
    await page.waitForURL(new RegExp(`#/applications/${applicationId}/show$`));
    await settle(page);
    const dialog = await openAction(page, 'hq_approve');
    const decisions = dialog.getByTestId('support-decisions');
    const groups = decisions.getByRole('group');
    // The record's plan items come with its own read (the list's row has none): wait for both decisions.
    await expect.poll(() => groups.count(), { timeout: 90_000 }).toBe(2);
    for (let i = 0; i < 2; i += 1) await groups.nth(i).getByRole('button', { name: '同意', exact: true }).click();
    await screenshot(page, 'application-hq-approve');
    await confirmAction(page, 'hq_approve');

    const approved = await apiAs<Application>(page, `/api/applications/${applicationId}`);
    expect(approved.status).toBe('approved');
    expect(approved.planItems.filter((i) => i.needsPlatformSupport).every((i) => i.approved === true)).toBe(true);
    const [agreement] = await apiAs<Agreement[]>(page, `/api/agreements${listQuery({ filter: { schoolId: school.id, status: 'pending_signing' } })}`);
    expect(agreement.applicationId).toBe(applicationId);
    agreementId = agreement.id;
  });

  it('HQ signs, records the plaque ceremony with a photo and passes the inspection', async () => {
    const page = hqPage;
    await page.goto(`/#/agreements/${agreementId}/show`);
    await settle(page);

    await openAction(page, 'sign');
    await confirmAction(page, 'sign');
    await landsOnNextAgreement(page, agreementId);
    await page.getByText('待揭牌').first().waitFor();

    const plaque = await openAction(page, 'hold_plaque_ceremony');
    await plaque.getByTestId('action-place').fill('温州职业技术学院图书馆报告厅');
    // The photo stays in the browser until the ceremony is confirmed; it is stored with it (issue 17).
    await plaque.getByTestId('photo-input').setInputFiles({ name: '揭牌现场.png', mimeType: 'image/png', buffer: png });
    await plaque.getByText('揭牌现场.png').waitFor();
    const held = page.waitForResponse((r) => r.url().endsWith('/actions/hold_plaque_ceremony/with-files') && r.request().method() === 'POST');
    await confirmAction(page, 'hold_plaque_ceremony');
    expect((await held).status()).toBe(200);
    await landsOnNextAgreement(page, agreementId);
    await page.getByText('待验收').first().waitFor();

    const inspection = await openAction(page, 'pass_inspection');
    // Both confirmations are needed: the dialog says so before asking the server.
    await inspection.getByTestId('workflow-confirm').click();
    await inspection.getByText(/验收通过须确认两项/).waitFor();
    await inspection.getByLabel('已确认：1+X 认证讲师已到位').check();
    await inspection.getByLabel(/已确认：教学资源/).check();
    await confirmAction(page, 'pass_inspection');
    await landsOnNextAgreement(page, agreementId);
    await page.getByText('执行中').first().waitFor();
    await page.getByTestId('signing-steps').getByText('温州职业技术学院图书馆报告厅', { exact: false }).waitFor();
    await page.getByTestId('attachments').getByRole('link', { name: '揭牌现场.png' }).waitFor();
    await screenshot(page, 'agreement-active-hq');

    const active = await apiAs<Agreement>(page, `/api/agreements/${agreementId}`);
    expect(active).toMatchObject({ status: 'active', currentYear: 1, termYears: 3, plaquePlace: '温州职业技术学院图书馆报告厅' });
    expect(active.signedOn).not.toBeNull();
    expect(active.startDate).not.toBeNull();
  });

  it('the school sees its active agreement', async () => {
    const page = schoolPage;
    await page.getByRole('menuitem', { name: '合作协议', exact: true }).click();
    await settle(page);
    const row = page.getByRole('row').filter({ hasText: '执行中' }).first();
    await row.getByText('第 1 年 / 共 3 年').waitFor();
    await row.click();
    await page.waitForURL(new RegExp(`#/agreements/${agreementId}/show$`));
    await settle(page);
    await page.getByTestId('agreement-term').getByText('第 1 年 / 共 3 年').waitFor();
    // The history tells the whole story, and the school may take no HQ action.
    const history = page.getByTestId('history');
    for (const step of ['签约', '揭牌', '验收通过']) await history.getByText(step, { exact: true }).first().waitFor();
    expect(await page.getByTestId('agreement-actions').count()).toBe(0);
    await screenshot(page, 'agreement-active-school');
  });

  it('saw no page errors, no 5xx and no server error logs', async () => {
    expect(journey.problemsSeen()).toEqual([]);
    expect(journey.server.errorLogs()).toEqual([]);
  });
});
