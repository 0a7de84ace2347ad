import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserJourney } from './support/journey.js';
import { landedAfterReviewAction, screenshot, settle } from './support/browser.js';
import { listQuery } from './support/api.js';

/**
 * One school through a failing year, then a term end with an upgrade, against the demo data:
 *
 * 1. HQ opens the evaluation of an ended agreement year that fails a KPI (the "开启评审" dialog),
 *    reads the frozen snapshot on the decision screen and decides a rectification (KPIs, notice,
 *    deadline). The demo data holds such a year (成都职业技术学院's first year, short of practice
 *    hours, not evaluated yet); the journey finds it through the API as HQ would through the lists.
 * 2. The school sees the notice and the KPI still failing on its dashboard, adds the missing facts
 *    through the practice-records import screen, and the product proposes closing
 *    (rectification.canClose, and the dashboard panel says so); on the agreement's page HQ sees the
 *    proposal to close it and closes the rectification.
 * 3. The final review of a term (an open final evaluation of a tier below the top): HQ decides an
 *    upgrade on the decision screen and follows the link to the new application; the school
 *    completes and submits it, the region and HQ approve it on the application screens, and the
 *    new agreement is active while the old one is superseded.
 */

const product = browserJourney();
/** A browser signed in as `email` through the login page. */
const as = product.as;

interface Kpi { value: number | null; threshold: number | null; met: boolean | null }
interface ComplianceRow { id: string; schoolId: number; schoolName: string; agreementId: number; year: number; from: string; to: string; current: boolean; compliant: boolean; failingKpis: string[]; enrolledStudents: number; kpis: Record<string, Kpi> }
interface Agreement { id: number; schoolId: number; schoolName: string; tier: string; status: string; version: number; startDate: string | null; termYears: number; allowedActions: string[]; rectification: { deadline: string; overdue: boolean; kpis: { kpi: string; met: boolean | null }[]; canClose: boolean } | null }
interface Evaluation { id: number; agreementId: number; schoolId: number; schoolName: string; tier: string; year: number; kind: string; status: string; version: number; decision: string | null; allowedActions: string[] }
interface User { id: number; email: string; role: string; schoolId: number | null }

async function apiAs<T>(page: Page, pathAndQuery: string): Promise<{ status: number; json: T; total?: number }> {
  const res = await page.request.get(pathAndQuery);
  const range = res.headers()['content-range'];
  return { status: res.status(), json: (await res.json().catch(() => undefined)) as T, total: range ? Number(range.split('/').pop()) : undefined };
}

/** A full-page screenshot from the top, once notifications have gone, with the pointer out of the way. */
async function shoot(page: Page, name: string) {
  await page.locator('.MuiSnackbar-root').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(1, 1);
  return screenshot(page, name);
}

/** Today in China, as the server counts days. */
const todayInChina = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The KPIs the journey knows how to make pass by adding facts through the screens. */
const fixable = new Set(['practiceHours']);

/** State shared by the steps, in order. */
const journey: { rectifying?: Agreement; schoolEmail?: string; openedEvaluationId?: number } = {};

async function schoolLogin(hq: Page, schoolId: number): Promise<string> {
  const users = (await apiAs<User[]>(hq, `/api/users${listQuery({ filter: { role: 'school', schoolId }, range: [0, 9] })}`)).json;
  const user = users.find((u) => u.schoolId === schoolId);
  if (!user) throw new Error(`the demo data has no school user for school ${schoolId}`);
  return user.email;
}

/**
 * Practice hours: every student enrolled in the agreement's current year gets the hours still
 * missing, imported through the practice-records import screen (all rows or none).
 */
async function importMissingPracticeHours(school: Page, agreementId: number) {
  const current = (await apiAs<ComplianceRow[]>(school, `/api/compliance${listQuery({ filter: { current: true, agreementId } })}`)).json[0];
  const practice = current.kpis.practiceHours;
  const missing = Math.ceil((practice.threshold! - (practice.value ?? 0)) + 1);
  const students = (await apiAs<{ studentNo: string }[]>(school, `/api/students${listQuery({ filter: { enrolledBefore: current.to, notLeftBefore: current.from }, range: [0, 9999] })}`)).json;
  expect(students).toHaveLength(current.enrolledStudents);
  const day = todayInChina() < current.to ? todayInChina() : current.from;
  const csv = ['studentNo,project,hours,practicedOn,confirmed', ...students.map((s) => `${s.studentNo},整改期真实项目实战（国际站店铺运营）,${missing},${day},true`)].join('\n');

  await school.goto('/#/practice-records');
  await school.getByRole('link', { name: '导入' }).click();
  await school.waitForURL(/#\/practice-records\/import/);
  await school.locator('input[type="file"]').setInputFiles({ name: 'practice.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`, 'utf8') });
  await school.getByText(`${students.length} 行数据`).waitFor();
  // The screen checks the file first (a dry run), then imports it on confirmation.
  await school.getByRole('button', { name: '检查文件', exact: true }).click();
  const imported = school.waitForResponse((r) => r.url().endsWith('/api/practice-records/import') && r.request().method() === 'POST');
  await school.getByTestId('import-preview').getByRole('button', { name: '确认导入', exact: true }).click();
  expect((await imported).status()).toBe(200);
  await school.getByText(`已导入 ${students.length} 条记录`).waitFor();
}

describe('a failing year: evaluation, rectification, closing', () => {
  it('HQ opens the evaluation of an ended failing year and decides a rectification', async () => {
    const hq = await as('hq@demo.test');
    const today = todayInChina();
    const live = (await apiAs<Agreement[]>(hq, `/api/agreements${listQuery({ filter: { status: ['active', 'rectifying'] }, range: [0, 999] })}`)).json;
    // Ended years that fail, of live agreements, without an evaluation yet.
    const failing = (await apiAs<ComplianceRow[]>(hq, `/api/compliance${listQuery({ filter: { current: false, compliant: false }, range: [0, 999] })}`)).json
      .filter((row) => row.to <= today && live.some((a) => a.id === row.agreementId));
    let candidate: ComplianceRow | undefined;
    for (const row of failing) {
      const evaluated = (await apiAs<Evaluation[]>(hq, `/api/evaluations${listQuery({ filter: { agreementId: row.agreementId, year: row.year } })}`)).total;
      const current = (await apiAs<ComplianceRow[]>(hq, `/api/compliance${listQuery({ filter: { agreementId: row.agreementId, current: true } })}`)).json[0];
      // The rectification is judged on the current year: each KPI to rectify must pass there already
      // or be one the journey can make pass.
      const agreement = live.find((a) => a.id === row.agreementId);
      if (!evaluated && current && agreement?.status === 'active' && row.failingKpis.every((k) => current.kpis[k]?.met !== false || fixable.has(k))) {
        candidate = row;
        break;
      }
    }

    // The open-evaluation dialog lists a live agreement's years with what stands in the way of each.
    await hq.goto('/#/evaluations');
    await hq.getByRole('button', { name: '开启评审' }).click();
    const dialog = hq.getByRole('dialog', { name: '开启年度评审' });
    await dialog.waitFor();
    if (!candidate) throw new Error('the demo data has no ended, unevaluated agreement year of an active agreement that fails a KPI the journey can fix');
    await dialog.getByRole('combobox').fill(candidate.schoolName);
    await hq.getByRole('option', { name: new RegExp(candidate.schoolName) }).first().click();
    await dialog.getByRole('radiogroup').waitFor();
    expect(await dialog.getByRole('radio').count()).toBeGreaterThan(0);

    await dialog.getByRole('radio', { name: new RegExp(`第 ${candidate.year} 年度`) }).check();
    const opened = hq.waitForResponse((r) => r.url().endsWith('/api/evaluations') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: '开启并冻结快照' }).click();
    expect((await opened).status()).toBe(201);
    await hq.waitForURL(/#\/evaluations\/\d+\/show/);
    journey.openedEvaluationId = Number(/evaluations\/(\d+)\/show/.exec(hq.url())![1]);

    // The decision screen: the frozen snapshot with its failing KPI, last year beside it.
    await hq.getByText('KPI 快照', { exact: true }).waitFor();
    for (const kpi of candidate.failingKpis) {
      await hq.locator(`tr[data-kpi="${kpi}"]`).getByText('未达标').first().waitFor();
    }
    await hq.getByRole('radio', { name: /限期整改/ }).check();
    for (const kpi of candidate.failingKpis) {
      expect(await hq.locator(`input[name="failingKpis.${kpi}"]`).isChecked()).toBe(true);
    }
    await hq.getByRole('textbox', { name: '整改通知' }).fill('请于期限内补足未达标的指标，并按月报送相关记录。');
    await hq.getByRole('button', { name: '60 天后' }).click();
    await hq.getByRole('textbox', { name: '决定理由' }).fill(`第${candidate.year}年度指标未达标，发出整改通知。`);
    await hq.getByRole('button', { name: '提交决定' }).click();
    const decided = hq.waitForResponse((r) => r.url().includes('/actions/decide'));
    await hq.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    expect((await decided).status()).toBe(200);
    // HQ lands on the next open evaluation of its queue (issue 17; the list's order, newest first), or
    // stays with "queue done"; the journey goes back to the decided one.
    const queue = (await apiAs<Evaluation[]>(hq, `/api/evaluations${listQuery({ filter: { status: 'open' }, sort: ['createdAt', 'DESC'], range: [0, 1] })}`)).json;
    const next = queue.find((e) => e.id !== journey.openedEvaluationId);
    if (next) {
      await hq.waitForURL(new RegExp(`#/evaluations/${next.id}/show$`));
      await hq.getByRole('heading', { level: 1, name: new RegExp(next.schoolName) }).waitFor();
      await hq.getByRole('radiogroup', { name: '决定' }).waitFor();
      await hq.goto(`/#/evaluations/${journey.openedEvaluationId}/show`);
    } else {
      await hq.getByTestId('queue-done').waitFor();
    }
    await hq.getByRole('region', { name: '评审决定' }).getByText('限期整改').first().waitFor();
    await settle(hq);
    await shoot(hq, 'evaluation-rectify-decided');

    const agreement = (await apiAs<Agreement>(hq, `/api/agreements/${candidate.agreementId}`)).json;
    expect(agreement.status).toBe('rectifying');
    expect(agreement.rectification?.kpis.map((k) => k.kpi).sort()).toEqual([...candidate.failingKpis].sort());
    journey.rectifying = agreement;
    journey.schoolEmail = await schoolLogin(hq, agreement.schoolId);
  });

  it('the school sees the notice, adds the missing facts, and the product proposes closing', async () => {
    const hq = await as('hq@demo.test');
    // The rectification HQ decided in the step before.
    expect(journey.rectifying, 'the previous step decided a rectification').toBeDefined();
    // HQ's evaluations list keeps an eye on rectifications.
    await hq.goto('/#/evaluations');
    const watch = hq.getByTestId('rectification-watch');
    await watch.waitFor();
    expect(await watch.innerText()).toContain('整改中');

    const school = await as(journey.schoolEmail!);
    const panel = school.getByTestId('rectification-panel');
    await panel.waitFor();
    const failing = journey.rectifying!.rectification!.kpis.filter((k) => !k.met).map((k) => k.kpi);
    for (const kpi of failing) await panel.locator(`[data-kpi="${kpi}"]`).getByText('当前仍未达标').waitFor();
    expect(await panel.innerText()).toContain('整改通知');
    await shoot(school, 'rectification-panel-before');

    // The facts still missing, added through the facts screens.
    expect(failing.every((k) => fixable.has(k)), `the journey can add facts for ${failing.join(', ')}`).toBe(true);
    if (failing.includes('practiceHours')) await importMissingPracticeHours(school, journey.rectifying!.id);

    // The product proposes closing: the API says so, and so does the school's dashboard panel.
    const after = (await apiAs<Agreement>(school, `/api/agreements/${journey.rectifying!.id}`)).json;
    expect(after.rectification?.kpis.every((k) => k.met)).toBe(true);
    expect(after.rectification?.canClose).toBe(true);
    await school.goto('/#/');
    await school.getByTestId('rectification-panel').getByText('需整改的指标现已全部达标，总部可关闭整改。').waitFor();
    for (const kpi of failing) await school.getByTestId('rectification-panel').locator(`[data-kpi="${kpi}"]`).getByText('当前已达标').waitFor();
    await settle(school);
    await shoot(school, 'rectification-panel-can-close');
    journey.rectifying = after;
  });

  it('HQ sees the proposal to close on the agreement and closes the rectification; the school is a partner again', async () => {
    const hq = await as('hq@demo.test');
    const id = journey.rectifying!.id;
    await hq.goto(`/#/agreements/${id}/show`);
    // The product proposes closing (every KPI to rectify passes now), with the action at hand.
    const proposal = hq.getByTestId('close-proposal');
    await proposal.waitFor();
    await proposal.locator('[data-action="close_rectification"]').click();
    await hq.getByTestId('action-comment').fill('整改期内人均实战时长已恢复达标，关闭整改。');
    const closed = hq.waitForResponse((r) => r.url().endsWith(`/api/agreements/${id}/actions/close_rectification`));
    await hq.getByTestId('workflow-confirm').click();
    const answer = await closed;
    expect(answer.status(), await answer.text()).toBe(200);
    expect(((await answer.json()) as Agreement).status).toBe('active');
    await proposal.waitFor({ state: 'detached' });

    const school = await as(journey.schoolEmail!);
    await school.getByTestId('current-user').waitFor();
    await settle(school);
    expect(await school.getByTestId('rectification-panel').count()).toBe(0);
    const mine = (await apiAs<{ status: string }[]>(school, '/api/schools')).json;
    expect(mine[0].status).toBe('partner');
  });
});

describe('the end of a term: final review with an upgrade', () => {
  it('HQ decides an upgrade in the final review; the new application goes through review to a new active agreement', async () => {
    const hq = await as('hq@demo.test');
    const finals = (await apiAs<Evaluation[]>(hq, `/api/evaluations${listQuery({ filter: { kind: 'final', status: 'open' }, range: [0, 99] })}`)).json;
    const review = finals.find((e) => e.tier !== 'industry_college' && e.allowedActions.includes('decide'));
    expect(review, 'the demo data has an open final review of a tier below Industry College').toBeDefined();
    const before = (await apiAs<Agreement>(hq, `/api/agreements/${review!.agreementId}`)).json;

    // From the evaluations list (open ones are HQ's default) to the decision screen.
    await hq.goto('/#/evaluations');
    await hq.locator('.list-page tbody tr', { hasText: review!.schoolName }).first().click();
    await hq.waitForURL(new RegExp(`#/evaluations/${review!.id}/show`));
    await hq.getByRole('heading', { name: '终审决定' }).waitFor();
    // Only the final review's decisions.
    const decisions = hq.getByRole('radiogroup', { name: '决定' });
    expect(await decisions.getByRole('radio').count()).toBe(4);
    expect(await decisions.getByText('继续合作').count()).toBe(0);
    await decisions.getByRole('radio', { name: /升级至/ }).check();
    await hq.getByRole('textbox', { name: '决定理由' }).fill('协议期满，各项指标达标且学校具备更高层次的条件，升级。');
    await hq.getByRole('button', { name: '提交决定' }).click();
    const decided = hq.waitForResponse((r) => r.url().includes(`/api/evaluations/${review!.id}/actions/decide`));
    await hq.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    const answer = await decided;
    expect(answer.status()).toBe(200);
    const applicationId = ((await answer.json()) as { applicationId: number }).applicationId;
    expect(applicationId).toBeGreaterThan(0);
    const link = hq.getByRole('link', { name: '查看申报' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`#/applications/${applicationId}/show`);
    await settle(hq);
    await shoot(hq, 'evaluation-upgrade-decided');

    // HQ follows the link to the new application: a draft of the tier above, for the school.
    await link.click();
    await hq.waitForURL(new RegExp(`#/applications/${applicationId}/show`));
    const draft = (await apiAs<{ id: number; tier: string; status: string; upgradeFromAgreementId: number }>(hq, `/api/applications/${applicationId}`)).json;
    expect(draft).toMatchObject({ status: 'draft', upgradeFromAgreementId: review!.agreementId });

    // The school completes the draft (its plan is copied from the current partnership's) and submits it.
    const school = await as(await schoolLogin(hq, review!.schoolId));
    await school.goto(`/#/applications/${applicationId}`);
    await school.locator('input[name="plan.contact.name"]').fill('项目负责人');
    await school.locator('input[name="plan.contact.phone"]').fill('0571-88880000');
    await school.locator('input[name="pledge"]').check();
    await school.getByTestId('submit-application').click();
    const submitted = school.waitForResponse((r) => r.url().endsWith(`/api/applications/${applicationId}/actions/submit`));
    await school.getByTestId('workflow-confirm').click();
    expect((await submitted).status()).toBe(200);
    await school.waitForURL(new RegExp(`#/applications/${applicationId}/show`));

    // The school's region approves the qualification, then HQ the plan (every item needing platform support).
    const regional = (await apiAs<{ email: string; regionIds: number[] }[]>(hq, `/api/users${listQuery({ filter: { role: 'regional' }, range: [0, 99] })}`)).json;
    const schoolRecord = (await apiAs<{ regionId: number }>(hq, `/api/schools/${review!.schoolId}`)).json;
    const reviewer = await as(regional.find((u) => u.regionIds.includes(schoolRecord.regionId))!.email);
    await reviewer.goto(`/#/applications/${applicationId}/show`);
    await reviewer.locator('[data-action="regional_approve"]').click();
    const approvedByRegion = reviewer.waitForResponse((r) => r.url().endsWith(`/api/applications/${applicationId}/actions/regional_approve`));
    await reviewer.getByTestId('workflow-confirm').click();
    expect((await approvedByRegion).status()).toBe(200);

    // HQ still has the application open from the link: it reloads to see the region's approval.
    await hq.reload();
    await hq.locator('[data-action="hq_approve"]').click();
    const items = hq.getByTestId('support-decisions');
    await items.waitFor();
    const approveButtons = items.getByRole('button', { name: '同意', exact: true });
    for (let i = 0; i < await approveButtons.count(); i++) await approveButtons.nth(i).click();
    const approved = hq.waitForResponse((r) => r.url().endsWith(`/api/applications/${applicationId}/actions/hq_approve`));
    await hq.getByTestId('workflow-confirm').click();
    const approvedAnswer = await approved;
    expect(approvedAnswer.status(), await approvedAnswer.text()).toBe(200);
    expect(((await approvedAnswer.json()) as { status: string }).status).toBe('approved');
    // HQ lands on its queue's next application (or "queue done") before the test opens the agreement.
    await landedAfterReviewAction(hq, 'applications', applicationId);

    // The new agreement of the tier above; the old one superseded once the new one is active.
    const agreements = (await apiAs<Agreement[]>(hq, `/api/agreements${listQuery({ filter: { schoolId: review!.schoolId }, range: [0, 99] })}`)).json;
    const old = agreements.find((a) => a.id === before.id)!;
    const renewed = agreements.find((a) => a.id !== before.id && a.tier === draft.tier)!;
    expect(renewed, 'the upgrade created the new agreement').toBeDefined();
    // The demo's final review is a Partner School's: the 1+X Pilot above it needs no signing, so its
    // agreement is active at once, and the old one superseded in the same transaction.
    expect(renewed.status).toBe('active');
    expect(old.status).toBe('superseded');
    // On the old agreement's page: superseded.
    await hq.goto(`/#/agreements/${old.id}/show`);
    await hq.locator('#main-content').getByText('已被替代').first().waitFor();

    // The school sees its new tier; its evaluation reads as decided with the upgrade.
    await school.goto(`/#/evaluations/${review!.id}/show`);
    await school.getByRole('region', { name: '评审决定' }).getByText(/升级/).first().waitFor();
    expect(await school.getByRole('radiogroup', { name: '决定' }).count()).toBe(0);
    const mine = (await apiAs<{ tier: string }[]>(school, '/api/schools')).json;
    expect(mine[0].tier).toBe(draft.tier);
    await settle(school);
    await shoot(school, 'evaluation-upgrade-school');
  });
});

describe('the journeys', () => {
  it('met no page errors and no server errors', () => {
    expect(product.problemsSeen()).toEqual([]);
    expect(product.server.errorLogs()).toEqual([]);
  });
});
