import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, listHandler, users } from '../../test/api';
import { renderResource } from '../../test/render-resource';
import { fakeTimeouts } from '../../test/clock';

const draft = {
  id: 7, schoolId: 1, schoolName: '杭州职业技术学院', regionId: 1, tier: 'industry_college', status: 'draft', version: 3,
  plan: { summary: '', contact: { name: '', phone: '' }, qualifications: { cbecDisciplineBase: true }, targets: { certificates1x: 150, certificatesOperator: null } },
  pledge: false, reviewComments: {}, planItems: [], allowedActions: ['submit'], editable: true, waitingDays: null,
  submittedAt: null, decidedAt: null, createdAt: '2026-03-01T09:00:00+08:00', updatedAt: '2026-03-01T09:00:00+08:00',
};

const industryCollege2024 = {
  id: 1, tier: 'industry_college', effectiveYear: 2024, certifiedInstructors: 4, teachingDelivery: 1, offlineCourses: 2, offlineCourseMinHours: 32,
  practiceHours: 160, certificates1x: 200, certificatesOperator: 280, jobPlatformRate: 0.95, activeResumeCompleteness: 80, activeMinApplications: 1,
  jobFairs: 1, termYears: 3, requiresSigning: true, requiresPlaque: true, requiresInspection: true, version: 1, updatedBy: null, updatedAt: '2024-01-01T00:00:00+08:00',
};

/**
 * The school's form on a draft, with the PUTs answered by `put` (default: saved, version + 1): the applications
 * resource alone, with `navigate` to leave the form as the app's menu does.
 */
function renderForm(record: Record<string, unknown> = draft, put?: (body: Record<string, unknown>) => Response | Promise<Response>) {
  const puts: Record<string, unknown>[] = [];
  const { navigate } = renderResource(`#/applications/${record.id}`, users.school,
    http.get(`${API}/applications/${record.id}`, () => HttpResponse.json(record)),
    http.put(`${API}/applications/${record.id}`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      puts.push(body);
      if (put) return put(body);
      return HttpResponse.json({ ...record, ...body, version: (body.version as number) + 1 });
    }),
    listHandler('tier-policies', [industryCollege2024]),
    listHandler('courses', [{ id: 31, kind: 'official_textbook', title: '跨境电商B2B店铺运营实战', classHours: 32, catalogue: true }]),
    listHandler('evidence', []),
    listHandler('audit-events', []),
    http.get(`${API}/notifications/unread-count`, () => HttpResponse.json({ unread: 0 })),
    listHandler('notifications', []),
  );
  return { puts, navigate };
}

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"], textarea[name="${name}"]`)!;
const type = (name: string, value: string) => fireEvent.change(input(name), { target: { value } });

describe('the application form', () => {
  it('saves the draft as the school types, each time with the version the last save answered', async () => {
    const { puts } = renderForm();
    await waitFor(() => expect(input('plan.contact.name')).toBeInTheDocument());

    type('plan.contact.name', '陈老师');
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toMatchObject({ version: 3, tier: 'industry_college', plan: { contact: { name: '陈老师' } } });
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveAttribute('data-status', 'saved'));
    expect(screen.getByTestId('save-status')).toHaveTextContent('已保存');

    type('plan.contact.phone', '0571-88888888');
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]).toMatchObject({ version: 4, plan: { contact: { name: '陈老师', phone: '0571-88888888' } } });
  });

  it('sends the job-platform rate as a fraction and keeps plan keys the form does not show', async () => {
    const { puts } = renderForm({ ...draft, plan: { ...draft.plan, targets: { ...draft.plan.targets, studentsPerYear: 120 } } });
    await waitFor(() => expect(input('plan.targets.jobPlatformRate')).toBeInTheDocument());
    type('plan.targets.jobPlatformRate', '96');
    await waitFor(() => expect(puts).toHaveLength(1));
    expect((puts[0].plan as { targets: Record<string, unknown> }).targets).toMatchObject({ jobPlatformRate: 0.96, certificates1x: 150, studentsPerYear: 120 });
  });

  it('keeps what was typed when the application changed elsewhere (409), and offers to reload', async () => {
    const clock = fakeTimeouts();
    const { puts, navigate } = renderForm(draft, () =>
      HttpResponse.json({ error: 'stale_version', message: 'This application was changed elsewhere since you opened it; reload it to continue.' }, { status: 409 }));
    await waitFor(() => expect(input('plan.summary')).toBeInTheDocument());
    type('plan.summary', '与平台共建产业学院，开设跨境电商B2B专业课程');

    const alert = await screen.findByTestId('autosave-conflict');
    expect(alert).toHaveTextContent('此申报已在别处被修改');
    expect(within(alert).getByRole('button', { name: '重新加载' })).toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: '用我的内容覆盖' })).toBeInTheDocument();
    expect(input('plan.summary')).toHaveValue('与平台共建产业学院，开设跨境电商B2B专业课程');
    expect(screen.getByTestId('save-status')).toHaveAttribute('data-status', 'conflict');

    // No further saves are attempted over the other version until the school decides.
    type('plan.summary', '与平台共建产业学院，开设跨境电商B2B专业课程并开展真实项目实践');
    await clock.pass(3_000); // three times the autosave's delay
    expect(puts).toHaveLength(1);
    expect(input('plan.summary')).toHaveValue('与平台共建产业学院，开设跨境电商B2B专业课程并开展真实项目实践');

    // Leaving for another page asks first: these changes cannot be saved on the way out.
    navigate('/applications');
    expect(await screen.findByText('修改尚未保存')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '留在此页' }));
    expect(input('plan.summary')).toHaveValue('与平台共建产业学院，开设跨境电商B2B专业课程并开展真实项目实践');
  });

  it("saves the school's values over the latest version when asked to", async () => {
    let conflictOnce = true;
    let latest = { ...draft, version: 5 };
    const { puts } = renderForm(draft, (body) => {
      if (conflictOnce) {
        conflictOnce = false;
        return HttpResponse.json({ error: 'stale_version', message: 'changed elsewhere' }, { status: 409 });
      }
      latest = { ...latest, ...body, version: (body.version as number) + 1 } as typeof latest;
      return HttpResponse.json(latest);
    });
    await waitFor(() => expect(input('plan.contact.name')).toBeInTheDocument());
    server.use(http.get(`${API}/applications/7`, () => HttpResponse.json(latest)));
    type('plan.contact.name', '陈老师');
    fireEvent.click(await screen.findByRole('button', { name: '用我的内容覆盖' }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]).toMatchObject({ version: 5, plan: { contact: { name: '陈老师' } } });
    await waitFor(() => expect(screen.queryByTestId('autosave-conflict')).not.toBeInTheDocument());
  });

  it("shows the tier's thresholds beside the targets and warns while a target is below them", async () => {
    renderForm();
    await waitFor(() => expect(screen.getAllByTestId('tier-threshold').length).toBeGreaterThan(0));
    expect(screen.getAllByTestId('tier-threshold').map((t) => t.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('≥ 200'), expect.stringContaining('≥ 280'), expect.stringContaining('≥ 95%')]),
    );
    // 150 1+X certificates and no Operator target: neither reaches its threshold.
    expect(await screen.findByTestId('threshold-warning-plan.targets.certificates1x')).toHaveTextContent('200');
    // Either count passes the certificates KPI (DOMAIN.md): 300 Operator certificates is enough.
    type('plan.targets.certificatesOperator', '300');
    await waitFor(() => expect(screen.queryByTestId('threshold-warning-plan.targets.certificates1x')).not.toBeInTheDocument());
    expect(screen.getByTestId('threshold-warning-plan.targets.jobPlatformRate')).toHaveTextContent('95%');
    type('plan.targets.jobPlatformRate', '95');
    await waitFor(() => expect(screen.queryByTestId('threshold-warning-plan.targets.jobPlatformRate')).not.toBeInTheDocument());
    expect(screen.getByTestId('threshold-warning-items.instructor')).toHaveTextContent('4');
  });

  it('lists what the server says is missing on submit and marks those fields', async () => {
    renderForm();
    let submitted: Record<string, unknown> | undefined;
    server.use(http.post(`${API}/applications/7/actions/submit`, async ({ request }) => {
      submitted = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json({
        error: 'validation_failed',
        message: 'plan.contact.name: name the programme contact; pledge: tick the pledge',
        details: [
          { field: 'plan.contact.name', code: 'contact_name_missing', params: {}, message: 'name the programme contact' },
          { field: 'planItems', code: 'instructors_missing', params: {}, message: 'list the 1+X-certified instructors' },
          { field: 'pledge', code: 'pledge_missing', params: {}, message: "tick the pledge to meet the tier's conditions" },
        ],
      }, { status: 400 });
    }));
    await waitFor(() => expect(input('plan.contact.name')).toBeInTheDocument());
    fireEvent.click(screen.getByTestId('submit-application'));
    fireEvent.click(await screen.findByTestId('workflow-confirm'));

    const problems = await screen.findByTestId('submit-problems');
    expect(submitted).toEqual({ version: 3 });
    expect(problems).toHaveTextContent('项目联系人');
    expect(problems).toHaveTextContent('请填写项目联系人');
    expect(problems).toHaveTextContent('请列出 1+X 认证讲师');
    expect(problems).toHaveTextContent('请勾选承诺');
    await waitFor(() => expect(input('plan.contact.name')).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByTestId('section-instructors')).toHaveAttribute('data-flagged', 'true');
    expect(screen.getByTestId('section-pledge')).toHaveAttribute('data-flagged', 'true');
  });

  it("shows the reviewer's comments next to the fields they are about, and the overall one in a banner", async () => {
    renderForm({
      ...draft, status: 'returned', allowedActions: ['resubmit', 'withdraw'],
      reviewComments: { _overall: '请完善方案后重新提交', 'plan.targets': '考证目标偏低', 'plan.contact.phone': '电话无法接通', 'plan.somethingNew': '补充说明' },
    });
    const banner = await screen.findByTestId('review-banner');
    expect(banner).toHaveTextContent('请完善方案后重新提交');
    // A comment on a path the form does not know is not lost: it is in the banner.
    expect(banner).toHaveTextContent('补充说明');
    expect(within(screen.getByTestId('section-targets')).getByText('考证目标偏低')).toBeInTheDocument();
    expect(within(screen.getByTestId('section-contact')).getByText('电话无法接通')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新提交' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交' })).not.toBeInTheDocument();
  });
});

/** A returned application with its seven plan items, as GET /api/applications/:id answers. */
const returned = {
  ...draft, status: 'returned', version: 8, allowedActions: ['resubmit', 'withdraw'], reviewComments: { _overall: '请完善方案后重新提交' },
  pledge: true,
  plan: { ...draft.plan, summary: '与平台共建产业学院', contact: { name: '陈老师', phone: '0571-86000000' }, targets: { certificates1x: 200, certificatesOperator: null as number | null } },
  planItems: [
    ...[['林海', '1XJS2024000101'], ['周敏', '1XJS2024000102'], ['黄磊', '1XJS2023000103'], ['吴静', '1XJS2023000104']].map(([name, certNo], i) => ({
      id: 101 + i, kind: 'instructor', title: name, details: { name, certNo, level: 'intermediate' }, needsPlatformSupport: false, approved: null,
    })),
    { id: 105, kind: 'teaching_resource', title: '跨境电商B2B店铺运营实战', details: { courseId: 31 }, needsPlatformSupport: false, approved: null },
    { id: 106, kind: 'teaching_resource', title: '跨境电商数据分析', details: { courseId: 32 }, needsPlatformSupport: true, approved: null },
    { id: 107, kind: 'practice_project', title: '杭州女装产业带店铺代运营', details: { hoursPerStudent: 160 }, needsPlatformSupport: true, approved: null },
  ],
};

type Stored = typeof returned & Record<string, unknown>;

/**
 * The application API as the server keeps it: the list answers rows without plan items (as the real
 * list does), a read answers the current record, a save is version-checked and replaces the plan
 * items only when it carries them. Reads can be held back to see what the app shows meanwhile.
 */
function serveApplication(start: Stored, hash: string) {
  let current: Stored = structuredClone(start);
  const puts: Record<string, unknown>[] = [];
  let held: Promise<void> | undefined;
  let release = () => undefined as void;
  let heldSaves: Promise<void> | undefined;
  let releaseSaves = () => undefined as void;
  const { navigate } = renderResource(hash, users.school,
    http.get(`${API}/applications`, () => {
      const { planItems: _items, ...row } = current;
      return HttpResponse.json([row], { headers: { 'Content-Range': 'applications 0-0/1' } });
    }),
    http.get(`${API}/applications/${start.id}`, async () => {
      if (held) await held;
      return HttpResponse.json(current);
    }),
    http.put(`${API}/applications/${start.id}`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      puts.push(body);
      if (heldSaves) await heldSaves;
      if (body.version !== current.version) {
        return HttpResponse.json({ error: 'stale_version', message: 'This application was changed elsewhere since you opened it; reload it to continue.' }, { status: 409 });
      }
      const { planItems, tier, plan, pledge } = body as { planItems?: Stored['planItems']; tier?: string; plan?: Stored['plan']; pledge?: boolean };
      current = {
        ...current, tier: tier ?? current.tier, plan: plan ?? current.plan, pledge: pledge ?? current.pledge,
        ...(planItems ? { planItems: planItems.map((item, i) => ({ ...item, approved: null, id: item.id ?? 900 + i })) } : {}),
        version: current.version + 1,
      };
      return HttpResponse.json(current);
    }),
    listHandler('tier-policies', [industryCollege2024]),
    listHandler('courses', [
      { id: 31, kind: 'official_textbook', title: '跨境电商B2B店铺运营实战', classHours: 32, catalogue: true },
      { id: 32, kind: 'official_textbook', title: '跨境电商数据分析', classHours: 32, catalogue: true },
    ]),
    listHandler('regions', []),
    listHandler('agreements', []),
    listHandler('evidence', []),
    listHandler('audit-events', []),
    http.get(`${API}/notifications/unread-count`, () => HttpResponse.json({ unread: 0 })),
    listHandler('notifications', []),
  );
  return {
    puts,
    /** Leaves the form for another page, as the app's menu does. */
    navigate,
    current: () => current,
    /** Another tab saves: the stored record changes and its version moves on. */
    changeElsewhere: (change: (r: Stored) => Stored) => {
      current = { ...change(current), version: current.version + 1 };
    },
    holdSaves: () => {
      heldSaves = new Promise<void>((resolve) => {
        releaseSaves = resolve;
      });
      return () => {
        heldSaves = undefined;
        releaseSaves();
      };
    },
    holdReads: () => {
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        held = undefined;
        release();
      };
    },
  };
}

/** Clicks the application's row in the list (the list opens an editable one in the form). */
async function openFromList() {
  await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(1));
  fireEvent.click(screen.getAllByRole('row')[1].querySelector('td')!);
}

const savedStatus = () => waitFor(() => expect(screen.getByTestId('save-status')).toHaveAttribute('data-status', 'saved'));

describe('the application form edits what the server holds', () => {
  it('opened from the list, it edits the full record: a save keeps all seven plan items', async () => {
    const api = serveApplication(returned, '#/applications');
    await openFromList();
    await waitFor(() => expect(input('plan.contact.phone')).toBeInTheDocument());
    type('plan.contact.phone', '0571-88888888');
    await waitFor(() => expect(api.puts).toHaveLength(1));
    expect((api.puts[0].planItems as { id: number }[]).map((i) => i.id)).toEqual([101, 102, 103, 104, 105, 106, 107]);
    expect(api.puts[0]).toMatchObject({ version: 8, plan: { contact: { name: '陈老师', phone: '0571-88888888' } } });
    await savedStatus();
    expect(api.current().planItems).toHaveLength(7);
    expect(input('items.instructor.3.details.name')).toHaveValue('吴静');
  });

  it('leaving right after typing saves it, and coming back shows it and saves on with the new version', async () => {
    const api = serveApplication(returned, '#/applications/7');
    await waitFor(() => expect(input('plan.summary')).toBeInTheDocument());
    type('plan.summary', '与平台共建产业学院，开设跨境电商B2B专业课程');
    // Straight away, before the autosave second has passed: to the list, and back into the form.
    api.navigate('/applications');
    await openFromList();
    await waitFor(() => expect(input('plan.summary')).toBeInTheDocument());
    expect(input('plan.summary')).toHaveValue('与平台共建产业学院，开设跨境电商B2B专业课程');
    expect(api.puts).toHaveLength(1);
    expect(api.puts[0]).toMatchObject({ version: 8, plan: { summary: '与平台共建产业学院，开设跨境电商B2B专业课程' } });
    expect(api.puts[0].planItems).toHaveLength(7);

    type('plan.contact.phone', '0571-88888888');
    await waitFor(() => expect(api.puts).toHaveLength(2));
    expect(api.puts[1]).toMatchObject({ version: 9, plan: { summary: '与平台共建产业学院，开设跨境电商B2B专业课程', contact: { phone: '0571-88888888' } } });
    await savedStatus();
    expect(screen.queryByTestId('autosave-conflict')).not.toBeInTheDocument();
    expect(api.current()).toMatchObject({ version: 10, plan: { summary: '与平台共建产业学院，开设跨境电商B2B专业课程', contact: { phone: '0571-88888888' } } });
  });

  it('what is typed while a save is under way and then left is saved after it, and shown on coming back', async () => {
    const api = serveApplication(returned, '#/applications/7');
    await waitFor(() => expect(input('plan.summary')).toBeInTheDocument());
    const release = api.holdSaves();
    try {
      type('plan.summary', '与平台共建产业学院，开设跨境电商B2B专业课程');
      await waitFor(() => expect(api.puts).toHaveLength(1));
      type('plan.contact.phone', '0571-88888888');
      api.navigate('/applications');
      await openFromList();
    } finally {
      release();
    }
    await waitFor(() => expect(input('plan.contact.phone')).toBeInTheDocument());
    expect(input('plan.contact.phone')).toHaveValue('0571-88888888');
    expect(input('plan.summary')).toHaveValue('与平台共建产业学院，开设跨境电商B2B专业课程');
    expect(api.puts).toHaveLength(2);
    expect(api.puts[1]).toMatchObject({ version: 9, plan: { contact: { phone: '0571-88888888' } } });
    expect(api.current()).toMatchObject({ version: 10, plan: { contact: { phone: '0571-88888888' } } });
    expect(api.current().planItems).toHaveLength(7);
  });

  it("after a save the app's cached record is the saved one: the read-only page shows it before its own read answers", async () => {
    const api = serveApplication(returned, '#/applications/7');
    await waitFor(() => expect(input('plan.contact.phone')).toBeInTheDocument());
    type('plan.contact.phone', '0571-88888888');
    await savedStatus();
    const release = api.holdReads();
    try {
      fireEvent.click(within(screen.getByRole('heading', { level: 1, name: '申报 #7' }).closest('div')!.parentElement!).getByRole('button', { name: '查看' }));
      expect(await screen.findByText('0571-88888888')).toBeInTheDocument();
      expect(screen.queryByText('0571-86000000')).not.toBeInTheDocument();
    } finally {
      release();
    }
  });

  it('"overwrite with my content" saves what the school changed over the latest version and keeps what changed elsewhere', async () => {
    const api = serveApplication(returned, '#/applications/7');
    await waitFor(() => expect(input('plan.contact.phone')).toBeInTheDocument());
    api.changeElsewhere((r) => ({ ...r, plan: { ...r.plan, summary: '在另一窗口补充的概述', targets: { ...r.plan.targets, certificatesOperator: 280 } } }));
    type('plan.contact.phone', '0571-88888888');
    fireEvent.click(within(await screen.findByTestId('autosave-conflict')).getByRole('button', { name: '用我的内容覆盖' }));
    await waitFor(() => expect(api.puts).toHaveLength(2));
    expect(api.puts[1]).toMatchObject({
      version: 9,
      plan: { summary: '在另一窗口补充的概述', contact: { phone: '0571-88888888' }, targets: { certificates1x: 200, certificatesOperator: 280 } },
    });
    expect(api.puts[1].planItems).toHaveLength(7);
    await waitFor(() => expect(screen.queryByTestId('autosave-conflict')).not.toBeInTheDocument());
    expect(input('plan.summary')).toHaveValue('在另一窗口补充的概述');
    expect(input('plan.contact.phone')).toHaveValue('0571-88888888');
  });
});

describe('the fields the submission requires', () => {
  it('marks the contact fields required on a returned application, as the resubmit guard requires them (issue 17 item 7)', async () => {
    renderForm({ ...draft, status: 'returned', allowedActions: ['resubmit', 'withdraw'], reviewComments: { _overall: '请补充联系人' } });
    await waitFor(() => expect(input('plan.contact.name')).toBeInTheDocument());
    const labelOf = (name: string) => input(name).labels?.[0]?.textContent ?? '';
    expect(labelOf('plan.contact.name')).toMatch(/\*$/);
    expect(labelOf('plan.contact.phone')).toMatch(/\*$/);
    expect(input('plan.contact.name')).toHaveAttribute('aria-required', 'true');
    // The e-mail is not asked for by the guard: no mark.
    expect(labelOf('plan.contact.email')).not.toMatch(/\*/);
  });
});
