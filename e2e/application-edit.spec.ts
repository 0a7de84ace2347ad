import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserJourney } from './support/journey.js';
import { screenshot, settle } from './support/browser.js';
import { demoAccounts, listQuery } from './support/api.js';

/**
 * A school revises its returned application in the form (issue 11, item 1): opened from the
 * applications list, an autosaved edit keeps every plan item (the form used to start from the list's
 * row, without plan items, and saved them away); text typed just before Back is saved and shown on
 * coming back, the next save is not refused as stale, and the application can be resubmitted.
 */

interface User { id: number; email: string; role: string; schoolId: number | null; active?: boolean }
interface PlanItem { id: number; kind: string; title: string }
interface Application {
  id: number; schoolId: number; status: string; version: number; editable?: boolean; pledge: boolean;
  plan: { summary?: string; contact?: { name?: string; phone?: string } }; planItems: PlanItem[];
}

const journey = browserJourney();
const as = journey.as;

async function apiAs<T>(page: Page, pathAndQuery: string): Promise<T> {
  const res = await page.request.get(pathAndQuery);
  expect(res.status(), pathAndQuery).toBe(200);
  return (await res.json()) as T;
}

/** The save indicator has seen the last change and says everything typed is saved. */
async function saved(page: Page) {
  await page.locator('[data-testid="save-status"]:is([data-status="dirty"], [data-status="saving"])').waitFor({ timeout: 5_000 }).catch(() => {});
  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: 90_000 });
}

/** The form is open on its record: the contact inputs are there and nothing is loading. */
async function formOpen(page: Page, id: number) {
  await page.waitForURL(new RegExp(`#/applications/${id}$`));
  await page.locator('input[name="plan.contact.phone"]').waitFor();
  await settle(page);
}

/** The plan items the form shows, by kind (each kind's rows are counted by one input per row). */
async function itemsInForm(page: Page): Promise<Record<string, number>> {
  const rows = {
    instructor: 'input[name^="items.instructor."][name$=".details.name"]',
    teaching_resource: 'input[name^="items.teaching_resource."][name$=".details.courseId"]',
    practice_project: 'input[name^="items.practice_project."][name$=".title"]',
    job_fair: 'input[name^="items.job_fair."][name$=".title"]',
  };
  const out: Record<string, number> = {};
  for (const [kind, selector] of Object.entries(rows)) {
    const n = await page.locator(selector).count();
    if (n) out[kind] = n;
  }
  return out;
}

const byKind = (items: PlanItem[]) => {
  const out: Record<string, number> = {};
  for (const i of items) if (i.kind !== 'target') out[i.kind] = (out[i.kind] ?? 0) + 1;
  return out;
};

/** Clicks the application's row in the school's applications list (an editable one opens the form). */
async function openFromList(page: Page, id: number) {
  await page.getByRole('menuitem', { name: '申报', exact: true }).click();
  await settle(page);
  await page.locator('tbody tr').filter({ has: page.locator('td', { hasText: new RegExp(`^\\s*${id}\\s*$`) }) }).first().click();
  await formOpen(page, id);
}

describe('a school revises its returned application in the form', () => {
  let school: Page;
  let application: Application;
  let items: PlanItem[] = [];

  it('finds a returned application with its plan items, and its school user', async () => {
    const hq = await as(demoAccounts.hq);
    const returned = await apiAs<Application[]>(hq, `/api/applications${listQuery({ filter: { status: 'returned' }, range: [0, 99] })}`);
    const users = await apiAs<User[]>(hq, `/api/users${listQuery({ filter: { role: 'school' }, range: [0, 999] })}`);
    const candidates: { app: Application; user: User }[] = [];
    for (const row of returned) {
      const user = users.find((u) => u.schoolId === row.schoolId && u.active !== false);
      if (!user) continue;
      candidates.push({ app: await apiAs<Application>(hq, `/api/applications/${row.id}`), user });
    }
    candidates.sort((a, b) => b.app.planItems.length - a.app.planItems.length);
    expect(candidates.length, 'the demo data has a returned application whose school has a user').toBeGreaterThan(0);
    application = candidates[0].app;
    items = application.planItems;
    expect(items.length).toBeGreaterThan(3);
    school = await as(candidates[0].user.email);
  });

  it('opened from the list, an autosaved edit of the contact phone keeps every plan item', async () => {
    const page = school;
    await openFromList(page, application.id);
    const phone = '0571-86685599';
    await page.locator('input[name="plan.contact.phone"]').fill(phone);
    await saved(page);

    const stored = await apiAs<Application>(page, `/api/applications/${application.id}`);
    expect(stored.plan.contact?.phone).toBe(phone);
    expect(stored.planItems.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());

    await page.reload();
    await formOpen(page, application.id);
    expect(await page.locator('input[name="plan.contact.phone"]').inputValue()).toBe(phone);
    expect(await itemsInForm(page)).toEqual(byKind(items));
    await screenshot(page, 'application-edit-after-reload');
  });

  it('text typed just before Back is saved, shown on coming back, and the next save is not refused', async () => {
    const page = school;
    const summary = `${application.plan.summary ?? ''}（修订：补充真实项目实践安排）`;
    const leavingSave = page.waitForResponse((r) => r.url().endsWith(`/api/applications/${application.id}`) && r.request().method() === 'PUT');
    await page.locator('textarea[name="plan.summary"]').fill(summary);
    await page.goBack();
    await page.waitForURL(/#\/applications(\?.*)?$/);
    expect((await leavingSave).status()).toBe(200);

    await page.locator('tbody tr').filter({ has: page.locator('td', { hasText: new RegExp(`^\\s*${application.id}\\s*$`) }) }).first().click();
    await formOpen(page, application.id);
    expect(await page.locator('textarea[name="plan.summary"]').inputValue()).toBe(summary);
    expect((await apiAs<Application>(page, `/api/applications/${application.id}`)).plan.summary).toBe(summary);

    const name = '陈晓明';
    await page.locator('input[name="plan.contact.name"]').fill(name);
    await saved(page);
    expect(await page.getByTestId('autosave-conflict').count()).toBe(0);
    const stored = await apiAs<Application>(page, `/api/applications/${application.id}`);
    expect(stored).toMatchObject({ plan: { summary, contact: { name, phone: '0571-86685599' } } });
    expect(stored.planItems).toHaveLength(items.length);
  });

  it('the school resubmits the application', async () => {
    const page = school;
    await page.getByTestId('submit-application').click();
    const answered = page.waitForResponse((r) => r.url().includes(`/api/applications/${application.id}/actions/resubmit`) && r.request().method() === 'POST');
    await page.getByRole('dialog').getByTestId('workflow-confirm').click();
    const res = await answered;
    expect(res.status(), await res.text()).toBe(200);
    await page.waitForURL(new RegExp(`#/applications/${application.id}/show$`));
    const after = await apiAs<Application>(page, `/api/applications/${application.id}`);
    expect(after.status).not.toBe('returned');
    expect(after.planItems.map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
  });

  it('no page error, failed request or server error on the way', () => {
    expect(journey.problemsSeen()).toEqual([]);
    expect(journey.server.errorLogs()).toEqual([]);
  });
});
