import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInChina } from '@campus/common';
import { browserJourney } from './support/journey.js';
import { screenshot, settle } from './support/browser.js';
import { demoAccounts, listQuery } from './support/api.js';

/**
 * issue 18 "Done when": the certification loop in a real browser, on the demo data.
 *
 * 1. HQ approves the exam site 义乌工商职业技术学院 proposed (exam sites list → the site → 批准).
 * 2. HQ schedules a 1+X junior unified session at the two schools' sites. Its dates follow the server's rules: the
 *    window and the exam date may not be in the past when scheduled, and a pass's issue date (the exam date when the
 *    results file gives none) may be neither before the exam nor after today; so the journey's session opens, closes
 *    and sits today, the only day a session scheduled now can take its results now.
 * 3. 浙江金融职业学院 registers three of its students at its site and 广州番禺职业技术学院 two at its own, on the
 *    session's page (site, students searched by number, 报名); each sees its candidates listed.
 * 4. HQ closes registration, downloads the candidate list (导出考生名单), adds the results to it (four passes with new
 *    certificate numbers, one fail) and imports it on the session's results import screen; the session reads
 *    成绩已发布.
 * 5. Each school's current compliance record (the API, before and after) counts exactly its passes more verified 1+X
 *    certificates, and as many more 1+X certificates (its candidates held none before); its dashboard's certificate
 *    card says 其中已核验 with the new count.
 * 6. An employer, not signed in, checks one issued number with its holder's name on /check (valid, 1+X初级, today),
 *    then with another name (the neutral answer).
 * 7. HQ downloads this year's programme report on 年度报告 as .xlsx and PDF: the workbook's certificates and sessions
 *    sheets carry the API's numbers (the new session's 5 candidates and 4 passes, the certificates' totals 4 more
 *    verified 1+X than before the import), and the PDF, read back with pdf.js, prints the same session row and totals.
 */

const product = browserJourney();
/** A browser signed in as `email` through the login page. */
const as = product.as;

interface ExamSite { id: number; name: string; status: string; schoolName: string | null }
interface ExamSession { id: number; title: string; status: string; kind: string; examOn: string; candidates: number; sites: { siteId: number; name: string; registered: number }[] }
interface Student { id: number; studentNo: string; name: string; leftOn: string | null }
interface Certificate { id: number; studentId: number; certNo: string | null; kind: string; status: string; issuedOn: string }
interface ComplianceRow { id: string; schoolId: number; current: boolean; certificates1xVerified: number; kpis: Record<string, { value: number | null }> }
interface ReportCertificates { verified1x: number; claimed1x: number; verifiedOperator: number; claimedOperator: number }
interface ProgrammeReport {
  year: number;
  certificates: (ReportCertificates & { regionId: number; tier: string })[];
  sessions: { id: number; title: string; candidates: number; sat: number; passed: number; absent: number; passRate: number | null }[];
}

const today = todayInChina();
const year = Number(today.slice(0, 4));
const stamp = Date.now().toString(36).toUpperCase();
const title = `1+X 跨境电商B2B数据运营（初级）统考 E2E-${stamp}`;
const eastSchool = '浙江金融职业学院';
const southSchool = '广州番禺职业技术学院';
const waitingSchool = '义乌工商职业技术学院';

async function apiJson<T>(page: Page, pathAndQuery: string): Promise<T> {
  const res = await page.request.get(pathAndQuery);
  expect(res.status(), `${pathAndQuery}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** The school's current agreement year, as its dashboard reads it. */
async function currentCompliance(page: Page): Promise<ComplianceRow> {
  const rows = await apiJson<ComplianceRow[]>(page, `/api/compliance${listQuery({ filter: { current: true }, sort: ['from', 'DESC'], range: [0, 4] })}`);
  expect(rows.length, 'the demo school has a current agreement year').toBeGreaterThan(0);
  return rows[0];
}

/** The sum of a report table's column. */
const total = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((n, r) => n + pick(r), 0);

/** Picks an option of a MUI select or autocomplete: opens it by its label, types `search` when given, clicks the option. */
async function choose(page: Page, label: RegExp, option: string | RegExp, search?: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.click();
  if (search !== undefined) await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** State shared by the steps, in order. */
const journey: {
  hq?: Page;
  site?: ExamSite;
  session?: ExamSession;
  schools: { email: string; name: string; page?: Page; students: Student[]; before?: ComplianceRow; passes: number }[];
  results: { studentNo: string; name: string; school: string; certNo: string | null }[];
  reportBefore?: ProgrammeReport;
} = {
  schools: [
    { email: demoAccounts.school, name: eastSchool, students: [], passes: 0 },
    { email: demoAccounts.school2, name: southSchool, students: [], passes: 0 },
  ],
  results: [],
};

describe('the certification loop (issue 18)', () => {
  it('HQ approves the exam site waiting for it', async () => {
    const hq = await as(demoAccounts.hq);
    journey.hq = hq;
    const proposed = await apiJson<ExamSite[]>(hq, `/api/exam-sites${listQuery({ filter: { status: 'proposed' }, range: [0, 49] })}`);
    const site = proposed.find((s) => s.schoolName === waitingSchool);
    expect(site, `the demo data has ${waitingSchool}'s site waiting for HQ`).toBeDefined();
    journey.site = site;

    await hq.goto('/#/exam-sites');
    const row = hq.getByRole('row').filter({ hasText: site!.name });
    await row.getByText('待审核').waitFor();
    await row.getByText(site!.name, { exact: true }).click();
    await hq.waitForURL(new RegExp(`#/exam-sites/${site!.id}/show$`));
    await hq.getByRole('heading', { name: site!.name }).first().waitFor();

    await hq.locator('[data-action="approve"]').first().click();
    const dialog = hq.getByRole('dialog');
    await dialog.getByText('通过后的考点可以安排考试场次。').waitFor();
    const approved = hq.waitForResponse((r) => r.url().endsWith(`/api/exam-sites/${site!.id}/actions/approve`) && r.request().method() === 'POST');
    await dialog.getByTestId('workflow-confirm').click();
    const res = await approved;
    expect(res.status(), await res.text()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await hq.getByText('已通过').first().waitFor();
    await hq.locator('[data-action="approve"]').waitFor({ state: 'detached' });
    expect((await apiJson<ExamSite>(hq, `/api/exam-sites/${site!.id}`)).status).toBe('approved');
  });

  it('HQ schedules a 1+X junior session at the two schools\' sites', async () => {
    const hq = journey.hq!;
    await hq.goto('/#/exam-sessions/create');
    await hq.getByLabel('名称').fill(title);
    await choose(hq, /^证书/, '1+X初级');
    await hq.getByLabel('报名开始').fill(today);
    await hq.getByLabel('报名截止').fill(today);
    await hq.getByLabel('考试日期').fill(today);
    await choose(hq, /^考点/, `${eastSchool}考点`, eastSchool);
    await choose(hq, /^考点/, `${southSchool}考点`, southSchool);
    const created = hq.waitForResponse((r) => new URL(r.url()).pathname === '/api/exam-sessions' && r.request().method() === 'POST');
    await hq.getByRole('button', { name: '保存' }).click();
    const res = await created;
    expect(res.status(), await res.text()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    await hq.waitForURL(new RegExp(`#/exam-sessions/${id}/show$`));
    await hq.getByText('报名进行中').waitFor();
    const sites = hq.getByRole('table', { name: '考点与座位' });
    for (const school of [eastSchool, southSchool]) await sites.getByRole('cell', { name: `${school}考点`, exact: true }).waitFor();

    const session = await apiJson<ExamSession>(hq, `/api/exam-sessions/${id}`);
    expect(session).toMatchObject({ title, status: 'scheduled', kind: '1x_junior', examOn: today, candidates: 0 });
    expect(session.sites.map((s) => s.name).sort()).toEqual([`${southSchool}考点`, `${eastSchool}考点`].sort());
    journey.session = session;
  });

  it('two schools register their students, and each sees its candidates', async () => {
    const session = journey.session!;
    for (const [i, school] of journey.schools.entries()) {
      const page = await as(school.email);
      school.page = page;
      // Students still at school who hold no certificate at all: each pass adds one to both certificate counts.
      const students = await apiJson<Student[]>(page, `/api/students${listQuery({ filter: { leftReason: 'none' }, sort: ['studentNo', 'ASC'], range: [0, 9999] })}`);
      const certificates = await apiJson<Certificate[]>(page, `/api/certificates${listQuery({ range: [0, 9999] })}`);
      const certified = new Set(certificates.map((c) => c.studentId));
      school.students = students.filter((s) => !s.leftOn && !certified.has(s.id)).slice(0, i === 0 ? 3 : 2);
      expect(school.students, `${school.name} has students without a certificate`).toHaveLength(i === 0 ? 3 : 2);
      school.before = await currentCompliance(page);

      await page.goto(`/#/exam-sessions/${session.id}/show`);
      const form = page.locator('.MuiCard-root').filter({ has: page.getByRole('heading', { name: '报名考生' }) });
      await form.waitFor();
      await choose(page, /^考点/, new RegExp(`^${school.name}考点`));
      for (const s of school.students) await choose(page, /^学生/, `${s.studentNo} ${s.name}`, s.studentNo);
      const registered = page.waitForResponse((r) => r.url().endsWith('/api/exam-candidates/bulk/register') && r.request().method() === 'POST');
      await form.getByRole('button', { name: '报名', exact: true }).click();
      const res = await registered;
      expect(res.status(), await res.text()).toBe(200);
      expect(await res.json()).toMatchObject({ created: school.students.length });
      await page.getByText(`已报名 ${school.students.length} 名考生`).waitFor();
      const list = page.getByRole('table', { name: `考生（${school.students.length}）` });
      await list.waitFor();
      for (const s of school.students) await list.getByRole('row').filter({ hasText: s.studentNo }).filter({ hasText: s.name }).waitFor();
      // A school sees its own candidates only.
      expect(await list.getByRole('row').count()).toBe(school.students.length + 1);
      if (i === 0) await screenshot(page, 'exam-session-registered');
    }
    const after = await apiJson<ExamSession>(journey.hq!, `/api/exam-sessions/${session.id}`);
    expect(after.candidates).toBe(5);
    expect(Object.fromEntries(after.sites.map((s) => [s.name, s.registered]))).toEqual({ [`${eastSchool}考点`]: 3, [`${southSchool}考点`]: 2 });
  });

  it('HQ closes registration, exports the candidates and imports their results: the session is published', async () => {
    const hq = journey.hq!;
    const session = journey.session!;
    journey.reportBefore = await apiJson<ProgrammeReport>(hq, `/api/reports/programme?year=${year}&format=json`);

    await hq.goto(`/#/exam-sessions/${session.id}/show`);
    await hq.locator('[data-action="close_registration"]').click();
    const dialog = hq.getByRole('dialog');
    await dialog.getByText('截止后院校不能再报名或撤销报名，名单即为最终名单。').waitFor();
    const closed = hq.waitForResponse((r) => r.url().endsWith(`/api/exam-sessions/${session.id}/actions/close_registration`) && r.request().method() === 'POST');
    await dialog.getByTestId('workflow-confirm').click();
    expect((await closed).status()).toBe(200);
    await dialog.waitFor({ state: 'detached' });
    await hq.getByText('报名已截止').first().waitFor();

    // The candidate list as HQ downloads it, with the results added beside each candidate.
    const [download] = await Promise.all([hq.waitForEvent('download'), hq.getByRole('link', { name: '导出考生名单' }).click()]);
    const exported = fs.readFileSync((await download.path())!, 'utf8');
    expect(exported.charCodeAt(0)).toBe(0xfeff);
    const lines = exported.slice(1).split('\r\n').filter(Boolean);
    const header = lines[0].split(',');
    expect(header).toEqual(['考试场次', '证书', '考试日期', '考点', '院校', '学号', '姓名', '报名时间']);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(5);
    const col = (name: string) => header.indexOf(name);
    const failing = journey.schools[0].students[2].studentNo;
    const out = [[...header, '理论成绩', '实操成绩', '考试结果', '证书编号']];
    rows.forEach((r, i) => {
      const passed = r[col('学号')] !== failing;
      const certNo = passed ? `1X-E2E-${stamp}-${String(i + 1).padStart(3, '0')}` : null;
      journey.results.push({ studentNo: r[col('学号')], name: r[col('姓名')], school: r[col('院校')], certNo });
      out.push([...r, passed ? '86.5' : '41', passed ? '90' : '52', passed ? '通过' : '未通过', certNo ?? '']);
    });
    for (const school of journey.schools) school.passes = journey.results.filter((r) => r.school === school.name && r.certNo).length;
    expect(journey.schools.map((s) => s.passes)).toEqual([2, 2]);

    await hq.getByRole('link', { name: '导入成绩' }).click();
    await hq.waitForURL(new RegExp(`#/exam-sessions/${session.id}/results/import$`));
    await hq.getByText('导入本场考试的成绩（报名截止后，一次导入全部考生）：通过的考生获得证书，状态为已核验。').waitFor();
    await hq.getByTestId('import-file').setInputFiles({ name: '成绩.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${out.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8') });
    await hq.getByRole('button', { name: '检查文件' }).click();
    const preview = hq.getByTestId('import-preview');
    await preview.waitFor();
    await preview.getByText('有问题 0', { exact: true }).waitFor();
    await screenshot(hq, 'exam-results-preview');
    const imported = hq.waitForResponse((r) => new URL(r.url()).pathname === `/api/exam-sessions/${session.id}/results/import` && r.request().method() === 'POST' && !r.url().includes('dryRun'));
    await preview.getByRole('button', { name: '确认导入' }).click();
    const res = await imported;
    expect(res.status(), await res.text()).toBe(200);
    await hq.waitForURL(new RegExp(`#/exam-sessions/${session.id}/show$`));
    await hq.getByText('成绩已发布').first().waitFor();
    await hq.getByRole('link', { name: '导入成绩' }).waitFor({ state: 'detached' });
    expect((await apiJson<ExamSession>(hq, `/api/exam-sessions/${session.id}`)).status).toBe('results_published');
  });

  it("each school's certificate KPIs move by its verified passes, and its dashboard says so", async () => {
    for (const school of journey.schools) {
      const page = school.page!;
      const before = school.before!;
      const after = await currentCompliance(page);
      expect(after.id).toBe(before.id);
      expect(after.certificates1xVerified - before.certificates1xVerified, `${school.name}: verified 1+X certificates`).toBe(school.passes);
      expect((after.kpis.certificates1x.value ?? 0) - (before.kpis.certificates1x.value ?? 0), `${school.name}: 1+X certificates`).toBe(school.passes);

      // Its certificates: the passes' numbers, verified, issued today (the exam date).
      const mine = await apiJson<Certificate[]>(page, `/api/certificates${listQuery({ filter: { status: 'verified' }, range: [0, 9999] })}`);
      for (const r of journey.results.filter((x) => x.school === school.name && x.certNo)) {
        expect(mine.find((c) => c.certNo === r.certNo), r.certNo!).toMatchObject({ kind: '1x_junior', status: 'verified', issuedOn: today });
      }

      await page.goto('/#/');
      const card = page.getByTestId('kpi-card-certificates').locator('[data-kpi="certificates1x"]');
      await card.getByTestId('kpi-verified').filter({ hasText: `其中已核验 ${after.certificates1xVerified}` }).waitFor();
      if (school.email === demoAccounts.school) {
        await settle(page);
        await screenshot(page, 'certificates-verified-dashboard');
      }
    }
  });

  it('an employer checks an issued certificate on the public page', async () => {
    const page = await product.visitor();
    const issued = journey.results.find((r) => r.certNo)!;
    await page.goto('/#/check');
    await page.getByRole('heading', { name: '证书查询' }).waitFor();
    const ask = async (name: string) => {
      await page.getByRole('textbox', { name: /证书编号/ }).fill(issued.certNo!);
      await page.getByRole('textbox', { name: /持证人姓名/ }).fill(name);
      const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/public/certificate-check');
      await page.getByRole('button', { name: '查询' }).click();
      expect((await answered).status()).toBe(200);
    };
    await ask(issued.name);
    const status = page.getByRole('status');
    await status.getByText('证书有效').waitFor();
    const answer = await status.innerText();
    expect(answer).toContain('1+X初级');
    expect(answer).toContain('初级');
    expect(answer).toContain(today);
    await screenshot(page, 'certificate-check-valid');

    await ask(`${issued.name}某`);
    await status.getByText('未查到与该编号和姓名相符的有效证书。请核对证书编号和姓名后再试。').waitFor();
    expect(await status.innerText()).not.toContain('证书有效');
    expect(await status.innerText()).not.toContain(issued.name);
  });

  it("HQ downloads the year's report as .xlsx and PDF, with the API's numbers", async () => {
    const hq = journey.hq!;
    const session = journey.session!;
    const report = await apiJson<ProgrammeReport>(hq, `/api/reports/programme?year=${year}&format=json`);
    const mine = report.sessions.find((s) => s.id === session.id);
    expect(mine).toMatchObject({ title, candidates: 5, sat: 5, passed: 4, absent: 0, passRate: 0.8 });
    const certKeys = ['verified1x', 'claimed1x', 'verifiedOperator', 'claimedOperator'] as const;
    const certTotals = certKeys.map((k) => total(report.certificates, (r) => r[k]));
    const before = journey.reportBefore!;
    expect(certTotals[0] - total(before.certificates, (r) => r.verified1x), 'the passes are verified 1+X certificates of the year').toBe(4);
    expect(certTotals[1]).toBe(total(before.certificates, (r) => r.claimed1x));

    await hq.goto('/#/reports');
    await hq.getByRole('heading', { level: 1, name: /^年度项目报告/ }).waitFor();
    const loaded = hq.waitForResponse((r) => r.url().includes(`/api/reports/programme?year=${year}`) && r.status() === 200);
    await choose(hq, /^年份/, String(year));
    await loaded;
    await hq.getByRole('heading', { level: 1, name: `年度项目报告 ${year}` }).waitFor();
    const table = hq.getByTestId('table-sessions');
    await table.getByRole('row').filter({ hasText: title }).waitFor();
    await settle(hq);
    await screenshot(hq, 'programme-report');

    const [xlsx] = await Promise.all([hq.waitForEvent('download'), hq.getByRole('button', { name: '下载 Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`年度项目报告-${year}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const rowsOf = (name: string) => {
      const sheet = workbook.getWorksheet(name);
      expect(sheet, `the workbook has a sheet ${name}`).toBeDefined();
      const rows: unknown[][] = [];
      sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const certificates = rowsOf('证书');
    expect(certificates[0]).toEqual(['大区', '层次', '1+X 已核验', '1+X 自报', '操盘官 已核验', '操盘官 自报']);
    expect(certificates).toHaveLength(report.certificates.length + 2);
    expect(certificates.at(-1)).toEqual(['合计', '', ...certTotals]);
    const sessionSheet = rowsOf('考试场次');
    expect(sessionSheet).toHaveLength(report.sessions.length + 2);
    const sessionRow = sessionSheet.find((r) => r[0] === title);
    expect(sessionRow).toEqual([title, '1+X 初级', '统考', today, '成绩已发布', 5, 5, 4, 0, 0.8]);
    const sessionTotals = (['candidates', 'sat', 'passed', 'absent'] as const).map((k) => total(report.sessions, (s) => s[k]));
    expect(sessionSheet.at(-1)!.slice(0, 9)).toEqual(['合计', '', '', '', '', ...sessionTotals]);
    expect(sessionSheet.at(-1)![9]).toBeCloseTo(sessionTotals[2] / sessionTotals[1], 12);

    const [pdf] = await Promise.all([hq.waitForEvent('download', { timeout: 180_000 }), hq.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe(`年度项目报告-${year}.pdf`);
    const bytes = fs.readFileSync((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    // The PDF's own text (pdf.js reads the words Chromium printed), its numbers against the API's: the new session's
    // row and the totals of the certificates and sessions tables.
    const printed = await pdfText(bytes);
    expect(printed.pages, 'the PDF has at least one page').toBeGreaterThanOrEqual(1);
    // Compared without spaces: a cell's text may wrap into pieces (the long session title does).
    const compact = (parts: (string | number)[]) => parts.join('').replace(/\s+/g, '');
    const inPdf = printed.text.replace(/\s+/g, '');
    expect(inPdf).toContain(compact([year, '年度校企合作项目报告']));
    expect(inPdf).toContain(compact([title, '1+X 初级', '统考', today, '成绩已发布', 5, 5, 4, 0, '80.0%']));
    expect(inPdf).toContain(compact(['合计', ...certTotals.map((n) => n.toLocaleString('zh-CN'))]));
    const passRate = `${((sessionTotals[2] / sessionTotals[1]) * 100).toFixed(1)}%`;
    expect(inPdf).toContain(compact(['合计', ...sessionTotals.map((n) => n.toLocaleString('zh-CN')), passRate]));
    await hq.getByRole('alert').filter({ hasText: '下载失败' }).waitFor({ state: 'detached', timeout: 1_000 }).catch(() => {});
    expect(await hq.getByText('下载失败').count()).toBe(0);
  });

  it('saw no page errors, no 5xx and no server error logs', () => {
    expect(product.problemsSeen()).toEqual([]);
    expect(product.server.errorLogs()).toEqual([]);
  });
});

/** The text of a PDF, page after page, its pieces joined by single spaces (pdf.js: the words as printed, in order). */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim()) parts.push(item.str.trim());
  }
  await doc.destroy();
  return { pages: doc.numPages, text: parts.join(' ').replace(/\s+/g, ' ') };
}

