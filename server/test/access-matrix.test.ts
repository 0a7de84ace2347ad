import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, listQuery, type Client, type TestContext } from './test-app.js';
import { buildAccessWorld, MARK, notificationsByUser, type Side, type World } from './access-world.js';
import { canAccess, type ResourceAction } from '@campus/common';
import type { Role } from '@campus/common';
import { applicationTransitions } from '@campus/common';
import { agreementTransitions } from '@campus/common';
import { evaluationTransitions } from '@campus/common';
import { contentProposalTransitions, feedbackTransitions, providerReportTransitions } from '@campus/common';
import { joinRequestTransitions } from '@campus/common';
import { examSiteTransitions } from '@campus/common';
import type { TransitionTable } from '@campus/common';

/**
 * Every API route × every role × a record in the role's scope and one outside it, with the answer
 * the permission table and the scope rules require. A route without an entry here fails the test.
 */
interface Actor { email: string; role: Role; own: Side; other: Side | null }
const actors: Actor[] = [
  { email: 'hq@test.cn', role: 'hq', own: 'east', other: null },
  { email: 'east@test.cn', role: 'regional', own: 'east', other: 'south' },
  { email: 'south@test.cn', role: 'regional', own: 'south', other: 'east' },
  { email: 'school@test.cn', role: 'school', own: 'east', other: 'south' },
  { email: 'school2@test.cn', role: 'school', own: 'south', other: 'east' },
  { email: 'provider@test.cn', role: 'provider', own: 'east', other: 'south' },
];

interface Ctx { t: TestContext; w: World; a: Actor; c: Client; notes: Map<number, number> }
type Check = (ctx: Ctx) => Promise<void>;

const may = (a: Actor, resource: string, action: ResourceAction) => canAccess(a.role, resource, action);
const expectStatus = (res: { statusCode: number; body: string }, status: number, what: string) => {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBe(status);
  if (status >= 400) expect(JSON.parse(res.body), what).toHaveProperty('message');
};
const idsOf = (body: string) => (JSON.parse(body) as { id: number | string }[]).map((r) => r.id);
const unscoped = new Set(['regions', 'tier-policies', 'exam-sessions']);

const list = (resource: string): Check => async ({ w, a, c }) => {
  const res = await c.get(`/api/${resource}`, listQuery({ range: [0, 9999] }));
  expectStatus(res, may(a, resource, 'list') ? 200 : 403, `${a.email} lists ${resource}`);
  if (res.statusCode !== 200 || unscoped.has(resource)) return;
  const ids = idsOf(res.body);
  expect(ids, `${a.email} sees its own ${resource}`).toContain(w[resource][a.own]);
  if (!a.other) return;
  const other = w[resource][a.other];
  expect(ids, `${a.email} must not see the other ${resource}`).not.toContain(other);
  for (const filter of [{ id: [other] }, { q: MARK }, { schoolId: w.schools[a.other] }]) {
    const r = await c.get(`/api/${resource}`, listQuery({ filter, range: [0, 9999] }));
    if (r.statusCode === 400) continue; // a filter the resource does not have
    expectStatus(r, 200, `${a.email} filters ${resource} by ${JSON.stringify(filter)}`);
    expect(idsOf(r.body), `${a.email} leaks ${resource} through ${JSON.stringify(filter)}`).not.toContain(other);
  }
};

const show = (resource: string, suffix = ''): Check => async ({ w, a, c }) => {
  const own = await c.get(`/api/${resource}/${w[resource][a.own]}${suffix}`);
  expectStatus(own, may(a, resource, 'show') ? 200 : 403, `${a.email} reads its own ${resource}${suffix}`);
  if (!a.other || unscoped.has(resource)) return;
  const other = await c.get(`/api/${resource}/${w[resource][a.other]}${suffix}`);
  expectStatus(other, may(a, resource, 'show') ? 404 : 403, `${a.email} reads the other ${resource}${suffix}`);
};

const create = (resource: string): Check => async ({ a, c }) => {
  expectStatus(await c.post(`/api/${resource}`, {}), may(a, resource, 'create') ? 400 : 403, `${a.email} creates ${resource}`);
};

const update = (resource: string, body: Record<string, unknown> = {}): Check => async ({ w, a, c }) => {
  const side = a.other ?? a.own;
  const res = await c.put(`/api/${resource}/${w[resource][side]}`, body);
  if (!may(a, resource, 'edit')) return expectStatus(res, 403, `${a.email} edits ${resource}`);
  if (unscoped.has(resource) || !a.other) return expect(res.statusCode, `${a.email} edits ${resource}`).not.toBe(403);
  expectStatus(res, 404, `${a.email} edits the other ${resource}`);
};

const remove = (resource: string): Check => async ({ w, a, c }) => {
  if (!a.other) return; // HQ deleting in scope is a behaviour test, not an access one
  expectStatus(await c.delete(`/api/${resource}/${w[resource][a.other]}`), may(a, resource, 'delete') ? 404 : 403, `${a.email} deletes the other ${resource}`);
};

const action = (resource: string, name: string, table: TransitionTable<string, never>): Check => async ({ w, a, c }) => {
  const canShow = may(a, resource, 'show');
  // A row with a `when` (HQ's regional step for a region without active staff) is closed in this world: every region has staff.
  const roleMay = table.some((t) => t.action === name && t.roles.includes(a.role) && !(t as { when?: unknown }).when);
  const own = await c.post(`/api/${resource}/${w[resource][a.own]}/actions/${name}`, { version: 99999 });
  expectStatus(own, !canShow ? 403 : roleMay ? 409 : 403, `${a.email} ${name} its own ${resource}`);
  if (!a.other) return;
  const other = await c.post(`/api/${resource}/${w[resource][a.other]}/actions/${name}`, { version: 99999 });
  expectStatus(other, canShow ? 404 : 403, `${a.email} ${name} the other ${resource}`);
};

/** A step with its files (multipart, no file): the same answers as the step itself (see `action`). */
const actionWithFiles = (resource: string, name: string, table: TransitionTable<string, never>): Check => async ({ t, w, a, c }) => {
  const canShow = may(a, resource, 'show');
  const roleMay = table.some((x) => x.action === name && x.roles.includes(a.role) && !(x as { when?: unknown }).when);
  const boundary = 'access-matrix-boundary';
  const post = (id: number | string) => t.app.inject({
    method: 'POST', url: `/api/${resource}/${id}/actions/${name}/with-files`,
    headers: { cookie: c.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="version"\r\n\r\n99999\r\n--${boundary}--\r\n`,
  });
  expectStatus(await post(w[resource][a.own]), !canShow ? 403 : roleMay ? 409 : 403, `${a.email} ${name} its own ${resource} with files`);
  if (!a.other) return;
  expectStatus(await post(w[resource][a.other]), canShow ? 404 : 403, `${a.email} ${name} the other ${resource} with files`);
};

/** A review screen's context: whoever may read the record, in scope, except providers (who review nothing). */
const reviewContext = (resource: string): Check => async ({ w, a, c }) => {
  const allowed = may(a, resource, 'show') && a.role !== 'provider';
  expectStatus(await c.get(`/api/${resource}/${w[resource][a.own]}/review-context`), allowed ? 200 : 403, `${a.email} reads the review context of its own ${resource}`);
  if (!a.other) return;
  expectStatus(await c.get(`/api/${resource}/${w[resource][a.other]}/review-context`), allowed ? 404 : 403, `${a.email} reads the review context of the other ${resource}`);
};

const importCsv = (resource: string): Check => async ({ t, a, c }) => {
  const res = await t.app.inject({ method: 'POST', url: `/api/${resource}/import`, payload: 'nonsense\n1', headers: { cookie: c.cookie, 'content-type': 'text/csv' } });
  expectStatus(res, may(a, resource, 'import') ? 400 : 403, `${a.email} imports ${resource}`);
};
const template = (resource: string, url = `/api/${resource}/import-template`): Check => async ({ a, c }) => {
  expectStatus(await c.get(url), may(a, resource, 'import') ? 200 : 403, `${a.email} downloads the ${resource} template`);
};

const facts = (resource: string, opts: { import?: boolean } = {}): Record<string, Check> => ({
  [`GET /api/${resource}`]: list(resource),
  [`GET /api/${resource}/:id`]: show(resource),
  [`POST /api/${resource}`]: create(resource),
  [`PUT /api/${resource}/:id`]: update(resource),
  [`DELETE /api/${resource}/:id`]: remove(resource),
  ...(opts.import ? {
    [`GET /api/${resource}/import-template`]: template(resource),
    [`GET /api/${resource}/import/template`]: template(resource, `/api/${resource}/import/template?format=xlsx`),
    [`POST /api/${resource}/import`]: importCsv(resource),
  } : {}),
});

const ok = (status = 200): Check => async ({ a, c }) => { expect((await c.get('/api/auth/me')).statusCode, a.email).toBe(status); };
const otherSchoolName = (a: Actor) => (a.other === 'east' ? '浙江金融职业学院' : '广东轻工职业技术大学');

const matrix: Record<string, Check> = {
  'GET /api/health': async ({ t }) => { expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200); },
  'GET /api/health/ready': async ({ t }) => { expect((await t.app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200); },
  'POST /api/auth/login': async ({ t }) => { expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@test.cn', password: 'x' } })).statusCode).toBe(401); },
  'POST /api/auth/logout': async ({ t }) => { expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(200); },
  'GET /api/auth/me': ok(),
  'POST /api/auth/password': async ({ a, c }) => { expectStatus(await c.post('/api/auth/password', {}), 400, `${a.email} changes password without fields`); },
  'GET /api/docs': async ({ t, c }) => {
    const res = await c.get('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(MARK);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
  },
  'GET /api/regions': list('regions'),
  'GET /api/regions/:id': async ({ t, a, c }) => { expectStatus(await c.get(`/api/regions/${t.fixture.regions.east.id}`), 200, `${a.email} reads a region`); },
  ...Object.fromEntries(Object.entries(facts('schools')).filter(([k]) => k.startsWith('GET'))),
  'POST /api/schools': create('schools'),
  'PUT /api/schools/:id': update('schools', { version: 99999 }),
  'DELETE /api/schools/:id': remove('schools'),
  'POST /api/schools/:id/actions/:action': async ({ w, a, c }) => {
    const res = await c.post(`/api/schools/${w.schools[a.other ?? 'south']}/actions/deactivate`, { version: 99999 });
    expectStatus(res, may(a, 'schools', 'edit') ? 409 : 403, `${a.email} deactivates a school`);
  },
  'POST /api/schools/import': importCsv('schools'),
  'GET /api/schools/import/template': template('schools', '/api/schools/import/template?format=xlsx'),
  'PUT /api/regions/:id': async ({ t, a, c }) => {
    expectStatus(await c.put(`/api/regions/${t.fixture.regions.east.id}`, { version: 99999 }), may(a, 'regions', 'edit') ? 409 : 403, `${a.email} edits a region`);
  },
  'GET /api/audit-events': list('audit-events'),
  'GET /api/audit-events/:id': show('audit-events'),
  'GET /api/users': list('users'),
  'GET /api/users/:id': show('users'),
  'POST /api/users': create('users'),
  'PUT /api/users/:id': update('users'),
  'POST /api/users/import': importCsv('users'),
  'GET /api/users/import/template': template('users', '/api/users/import/template?format=csv'),
  ...Object.fromEntries(['deactivate', 'reactivate', 'resend_invitation'].map((name) => [`POST /api/users/:id/actions/${name}`, (async ({ w, a, c }) => {
    // Only the other side's account: an account in scope is a behaviour test (users/manage-accounts.test.ts).
    const res = await c.post(`/api/users/${w.users[a.other ?? 'south']}/actions/${name}`, { version: 99999 });
    if (!may(a, 'users', 'edit')) return expectStatus(res, 403, `${a.email} ${name} an account`);
    expectStatus(res, a.other ? 404 : 409, `${a.email} ${name} the other account`);
  }) as Check])),
  'POST /api/auth/change-password': async ({ a, c }) => { expectStatus(await c.post('/api/auth/change-password', {}), 400, `${a.email} changes password without fields`); },
  'POST /api/auth/forgot-password': async ({ a, c }) => { expectStatus(await c.post('/api/auth/forgot-password', {}), 400, `${a.email} asks for a reset without an address`); },
  'POST /api/auth/reset-password': async ({ a, c }) => { expectStatus(await c.post('/api/auth/reset-password', { token: 'forged', password: 'forged2026' }), 400, `${a.email} resets with a forged token`); },
  'GET /api/tier-policies': list('tier-policies'),
  'GET /api/tier-policies/:id': async ({ t, a, c }) => {
    const [p] = (await (await t.as('hq@test.cn')).get('/api/tier-policies')).json();
    expectStatus(await c.get(`/api/tier-policies/${p.id}`), 200, `${a.email} reads a tier policy`);
  },
  'PUT /api/tier-policies/:id': async ({ t, a, c }) => {
    const [p] = (await (await t.as('hq@test.cn')).get('/api/tier-policies')).json();
    expectStatus(await c.put(`/api/tier-policies/${p.id}`, { version: 99999 }), a.role === 'hq' ? 409 : 403, `${a.email} edits a tier policy`);
  },
  'POST /api/tier-policies/:id/what-if': async ({ t, a, c }) => {
    const [p] = (await (await t.as('hq@test.cn')).get('/api/tier-policies')).json();
    expectStatus(await c.post(`/api/tier-policies/${p.id}/what-if`, { version: p.version }), a.role === 'hq' ? 200 : 403, `${a.email} previews a tier policy`);
  },
  'POST /api/tier-policies': create('tier-policies'),
  'GET /api/applications': list('applications'),
  'GET /api/applications/:id': show('applications'),
  'POST /api/applications': create('applications'),
  'PUT /api/applications/:id': update('applications', { version: 1 }),
  'DELETE /api/applications/:id': remove('applications'),
  'POST /api/applications/:id/actions/:action': action('applications', 'regional_approve', applicationTransitions as never),
  'GET /api/agreements': list('agreements'),
  'GET /api/agreements/:id': show('agreements'),
  'POST /api/agreements/:id/actions/:action': action('agreements', 'sign', agreementTransitions as never),
  'POST /api/agreements/:id/actions/:action/with-files': actionWithFiles('agreements', 'sign', agreementTransitions as never),
  'GET /api/applications/:id/review-context': reviewContext('applications'),
  'GET /api/agreements/:id/review-context': reviewContext('agreements'),
  'GET /api/evaluations/:id/review-context': reviewContext('evaluations'),
  'POST /api/agreements': create('agreements'),
  'POST /api/agreements/import': importCsv('agreements'),
  'GET /api/agreements/import/template': template('agreements', '/api/agreements/import/template?format=xlsx'),
  'GET /api/evidence': list('evidence'),
  'GET /api/evidence/:id': show('evidence'),
  'POST /api/evidence': create('evidence'),
  'GET /api/evidence/:id/download': async ({ w, a, c }) => {
    if (!a.other) return;
    expectStatus(await c.get(`/api/evidence/${w.evidence[a.other]}/download`), may(a, 'evidence', 'show') ? 404 : 403, `${a.email} downloads the other school's file`);
  },
  'DELETE /api/evidence/:id': remove('evidence'),
  'GET /api/notifications': async ({ t, a, c, notes }) => {
    const ids = idsOf((await c.get('/api/notifications', listQuery({ range: [0, 999] }))).body);
    const mine = notes.get(t.fixture.users[a.email].id)!;
    expect(ids).toContain(mine);
    expect(ids.every((id) => id === mine || ![...notes.values()].includes(id as number)), `${a.email} sees only its notifications`).toBe(true);
  },
  'GET /api/notifications/unread-count': async ({ c }) => { expect((await c.get('/api/notifications/unread-count')).statusCode).toBe(200); },
  'GET /api/notifications/:id': async ({ t, a, c, notes }) => {
    const others = [...notes.entries()].filter(([u]) => u !== t.fixture.users[a.email].id).map(([, n]) => n);
    expectStatus(await c.get(`/api/notifications/${others[0]}`), 404, `${a.email} reads another's notification`);
    expectStatus(await c.get(`/api/notifications/${notes.get(t.fixture.users[a.email].id)}`), 200, `${a.email} reads its notification`);
  },
  'POST /api/notifications/read': async ({ t, a, c, notes }) => {
    const others = [...notes.entries()].filter(([u]) => u !== t.fixture.users[a.email].id).map(([, n]) => n);
    expect((await c.post('/api/notifications/read', { ids: others })).json()).toEqual({ read: 0 });
  },
  'GET /api/compliance': list('compliance'),
  'GET /api/compliance/summary': async ({ a, c }) => {
    const res = await c.get('/api/compliance/summary');
    expectStatus(res, 200, `${a.email} reads the dashboard numbers`);
    if (a.other) expect(res.body).not.toContain(otherSchoolName(a));
  },
  'GET /api/compliance/:id/trend': show('compliance', '/trend'),
  'GET /api/compliance/:id': show('compliance'),
  ...facts('students', { import: true }),
  ...facts('certificates', { import: true }),
  ...facts('practice-records', { import: true }),
  ...facts('job-registrations', { import: true }),
  ...facts('job-fairs'),
  ...facts('instructors', { import: true }),
  ...facts('courses'),
  ...facts('course-completions', { import: true }),
  'GET /api/evaluations': list('evaluations'),
  'GET /api/evaluations/:id': show('evaluations'),
  'POST /api/evaluations': create('evaluations'),
  'POST /api/evaluations/bulk-open': async ({ a, c }) => { expectStatus(await c.post('/api/evaluations/bulk-open', { tier: ['industry_college'] }), a.role === 'hq' ? 202 : 403, `${a.email} opens a year's evaluations`); },
  'GET /api/evaluations/awaiting': async ({ a, c }) => { expectStatus(await c.get('/api/evaluations/awaiting'), a.role === 'hq' ? 200 : 403, `${a.email} lists the years awaiting evaluation`); },
  'POST /api/evaluations/bulk/open': async ({ a, c }) => { expectStatus(await c.post('/api/evaluations/bulk/open', { items: [{ agreementId: 999_999, year: 1 }] }), a.role === 'hq' ? 404 : 403, `${a.email} opens selected years' evaluations`); },
  'GET /api/evaluations/bulk-jobs/:id': async ({ a, c }) => { expectStatus(await c.get('/api/evaluations/bulk-jobs/999999'), a.role === 'hq' ? 404 : 403, `${a.email} reads a bulk job`); },
  'POST /api/evaluations/:id/actions/:action': action('evaluations', 'decide', evaluationTransitions as never),
  'GET /api/providers': list('providers'),
  'GET /api/providers/:id': show('providers'),
  'POST /api/providers': create('providers'),
  'PUT /api/providers/:id': update('providers'),
  ...Object.fromEntries((['PUT', 'DELETE'] as const).map((method) => [`${method} /api/providers/:id/schools/:schoolId`, (async ({ t, w, a, c }) => {
    // HQ's own check: an unknown school is 404; everyone else may not touch assignments at all.
    const url = `/api/providers/${w.providers[a.own]}/schools/${a.role === 'hq' ? 999_999 : t.fixture.schools.northA.id}`;
    const res = await t.app.inject({ method, url, headers: { cookie: c.cookie } });
    expectStatus(res, a.role === 'hq' ? 404 : 403, `${a.email} ${method} a provider's school`);
  }) as Check])),
  'GET /api/provider-reports': list('provider-reports'),
  'GET /api/provider-reports/:id': show('provider-reports'),
  'POST /api/provider-reports': create('provider-reports'),
  'POST /api/provider-reports/:id/actions/:action': action('provider-reports', 'confirm', providerReportTransitions as never),
  'GET /api/content-proposals': list('content-proposals'),
  'GET /api/content-proposals/:id': show('content-proposals'),
  'POST /api/content-proposals': create('content-proposals'),
  'POST /api/content-proposals/:id/actions/:action': action('content-proposals', 'approve', contentProposalTransitions as never),
  'GET /api/feedback': list('feedback'),
  'GET /api/feedback/:id': show('feedback'),
  'POST /api/feedback': create('feedback'),
  'POST /api/feedback/:id/actions/:action': action('feedback', 'reply', feedbackTransitions as never),
  // Bulk actions: another school's record refuses the whole action (404), a role without the permission 403.
  'POST /api/students/bulk/leave': async ({ w, a, c }) => {
    if (!a.other) return;
    const res = await c.post('/api/students/bulk/leave', { ids: [w.students[a.other]], leftOn: '2025-06-30', leftReason: 'graduated' });
    expectStatus(res, may(a, 'students', 'edit') ? 404 : 403, `${a.email} marks the other school's student left`);
  },
  'POST /api/feedback/bulk/close': async ({ w, a, c }) => {
    if (!a.other) return;
    const res = await c.post('/api/feedback/bulk/close', { items: [{ id: w.feedback[a.other], version: 1 }] });
    expectStatus(res, may(a, 'feedback', 'show') ? 404 : 403, `${a.email} closes the other school's feedback`);
  },
  'GET /api/join-requests': list('join-requests'),
  'GET /api/join-requests/:id': show('join-requests'),
  'POST /api/join-requests/:id/actions/:action': action('join-requests', 'decline', joinRequestTransitions as never),
  // The join page's own routes need no sign-in and answer everyone alike.
  'GET /api/join-requests/provinces': async ({ t, c }) => {
    expect((await t.app.inject({ method: 'GET', url: '/api/join-requests/provinces' })).statusCode).toBe(200);
    expect((await c.get('/api/join-requests/provinces')).statusCode).toBe(200);
  },
  'POST /api/join-requests': async ({ a, c }) => { expectStatus(await c.post('/api/join-requests', {}), 400, `${a.email} asks to join with nothing`); },
  'POST /api/join-requests/confirm': async ({ a, c }) => { expectStatus(await c.post('/api/join-requests/confirm', { token: 'forged' }), 400, `${a.email} confirms a forged token`); },
  // The outbox is HQ's alone (its mails carry other people's links).
  'GET /api/mail-outbox': async ({ a, c }) => { expectStatus(await c.get('/api/mail-outbox'), may(a, 'mail-outbox', 'list') ? 200 : 403, `${a.email} lists the outbox`); },
  'GET /api/mail-outbox/:id': async ({ a, c }) => { expectStatus(await c.get('/api/mail-outbox/999999'), may(a, 'mail-outbox', 'show') ? 404 : 403, `${a.email} reads a mail`); },
  'POST /api/mail-outbox/:id/actions/retry': async ({ a, c }) => {
    expectStatus(await c.post('/api/mail-outbox/999999/actions/retry', {}), may(a, 'mail-outbox', 'edit') ? 404 : 403, `${a.email} retries a mail`);
  },
  // HQ's annual programme report: HQ and regional staff (their regions' rows only); schools and providers 403.
  'GET /api/reports/programme': async ({ t, a, c }) => {
    const res = await c.get('/api/reports/programme', { year: '2024' });
    expectStatus(res, may(a, 'reports', 'list') ? 200 : 403, `${a.email} reads the programme report`);
    if (res.statusCode !== 200) return;
    const own = t.fixture.regions[a.own].id;
    const body = res.json() as { regions: { id: number }[]; compliance: { regionId: number }[] };
    if (a.other) expect(body.regions.map((r) => r.id), `${a.email} reads only its regions`).toEqual([own]);
    expect(body.compliance.map((r) => r.regionId), `${a.email} sees its own region's compliance`).toContain(own);
    if (a.other) expect(body.compliance.map((r) => r.regionId), `${a.email} must not see the other region`).not.toContain(t.fixture.regions[a.other].id);
  },
  // Instructor trainings: HQ records them; regional staff read every training (the programme's), a school those its
  // instructors took; participants are scoped by their school.
  'GET /api/instructor-trainings': async ({ w, a, c }) => {
    const res = await c.get('/api/instructor-trainings', listQuery({ range: [0, 9999] }));
    expectStatus(res, may(a, 'instructor-trainings', 'list') ? 200 : 403, `${a.email} lists instructor trainings`);
    if (res.statusCode !== 200) return;
    const ids = idsOf(res.body);
    expect(ids, `${a.email} sees its own training`).toContain(w['instructor-trainings'][a.own]);
    if (a.other) expect(ids.includes(w['instructor-trainings'][a.other]), `${a.email} and the other side's training`).toBe(a.role === 'regional');
  },
  'GET /api/instructor-trainings/:id': async ({ w, a, c }) => {
    const canShow = may(a, 'instructor-trainings', 'show');
    expectStatus(await c.get(`/api/instructor-trainings/${w['instructor-trainings'][a.own]}`), canShow ? 200 : 403, `${a.email} reads its own training`);
    if (!a.other) return;
    expectStatus(await c.get(`/api/instructor-trainings/${w['instructor-trainings'][a.other]}`), !canShow ? 403 : a.role === 'regional' ? 200 : 404, `${a.email} reads the other training`);
  },
  'POST /api/instructor-trainings': create('instructor-trainings'),
  'PUT /api/instructor-trainings/:id': update('instructor-trainings', { version: 99999 }),
  'POST /api/instructor-trainings/:id/participants': async ({ w, a, c }) => {
    const res = await c.post(`/api/instructor-trainings/${w['instructor-trainings'][a.own]}/participants`, {});
    expectStatus(res, may(a, 'instructor-trainings', 'edit') ? 400 : 403, `${a.email} records participants`);
  },
  'POST /api/instructor-trainings/:id/participants/import': async ({ t, w, a, c }) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/instructor-trainings/${w['instructor-trainings'][a.own]}/participants/import`, payload: 'nonsense\n1', headers: { cookie: c.cookie, 'content-type': 'text/csv' } });
    expectStatus(res, may(a, 'instructor-trainings', 'import') ? 400 : 403, `${a.email} imports participants`);
  },
  'GET /api/instructor-trainings/:id/participants/import/template': template('instructor-trainings', '/api/instructor-trainings/1/participants/import/template?format=csv'),
  'GET /api/instructor-training-participants': list('instructor-training-participants'),
  'GET /api/instructor-training-participants/:id': show('instructor-training-participants'),
  'DELETE /api/instructor-training-participants/:id': remove('instructor-training-participants'),
  // The public certificate check answers everyone alike, signed in or not.
  'GET /api/public/certificate-check': async ({ t, a, c }) => {
    const query = { number: `NONE-${a.email}`, name: '张三' };
    expect((await t.app.inject({ method: 'GET', url: '/api/public/certificate-check', query })).body).toBe('{"valid":false}');
    expect((await c.get('/api/public/certificate-check', query)).body).toBe('{"valid":false}');
  },
  // Exam sites: a school's proposed site is its own and its region's; HQ decides. Sessions are every role's but
  // providers'; candidates are kept by their school.
  'GET /api/exam-sites': list('exam-sites'),
  'GET /api/exam-sites/:id': show('exam-sites'),
  'POST /api/exam-sites': create('exam-sites'),
  'PUT /api/exam-sites/:id': async ({ w, a, c }) => {
    const res = await c.put(`/api/exam-sites/${w['exam-sites'][a.other ?? a.own]}`, { version: 99999 });
    // HQ may edit sites, but a school's proposed site is the school's to edit.
    expectStatus(res, !may(a, 'exam-sites', 'edit') ? 403 : a.other ? 404 : 403, `${a.email} edits the other side's exam site`);
  },
  'POST /api/exam-sites/:id/actions/:action': action('exam-sites', 'approve', examSiteTransitions as never),
  'GET /api/exam-sessions': list('exam-sessions'),
  'GET /api/exam-sessions/:id': show('exam-sessions'),
  'POST /api/exam-sessions': create('exam-sessions'),
  'PUT /api/exam-sessions/:id': update('exam-sessions', { version: 99999 }),
  'POST /api/exam-sessions/:id/actions/:action': async ({ w, a, c }) => {
    const res = await c.post(`/api/exam-sessions/${w['exam-sessions'][a.own]}/actions/close_registration`, { version: 99999 });
    expectStatus(res, a.role === 'hq' ? 409 : 403, `${a.email} closes a session's registration`);
  },
  'GET /api/exam-sessions/:id/candidates/export': async ({ w, a, c }) => {
    const res = await c.get(`/api/exam-sessions/${w['exam-sessions'][a.own]}/candidates/export`);
    expectStatus(res, may(a, 'exam-candidates', 'export') ? 200 : 403, `${a.email} exports a session's candidates`);
    if (res.statusCode !== 200) return;
    expect(res.body, `${a.email} exports its own candidates`).toContain(`${MARK} ${a.own}`);
    if (a.other) expect(res.body, `${a.email} must not export the other side's candidates`).not.toContain(`${MARK} ${a.other}`);
  },
  'GET /api/exam-candidates': list('exam-candidates'),
  'GET /api/exam-candidates/:id': show('exam-candidates'),
  'POST /api/exam-candidates': create('exam-candidates'),
  'POST /api/exam-candidates/bulk/register': async ({ a, c }) => {
    expectStatus(await c.post('/api/exam-candidates/bulk/register', {}), may(a, 'exam-candidates', 'create') ? 400 : 403, `${a.email} registers candidates in bulk`);
  },
  'DELETE /api/exam-candidates/:id': remove('exam-candidates'),
  'POST /api/exam-candidates/import': importCsv('exam-candidates'),
  'GET /api/exam-candidates/import/template': template('exam-candidates', '/api/exam-candidates/import/template?format=xlsx'),
  // A session's results: HQ's import (the world's session is still scheduled: refused with the file's problems).
  'POST /api/exam-sessions/:id/results/import': async ({ t, w, a, c }) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/exam-sessions/${w['exam-sessions'][a.own]}/results/import`, payload: 'nonsense\n1', headers: { cookie: c.cookie, 'content-type': 'text/csv' } });
    expectStatus(res, may(a, 'exam-results', 'import') ? 400 : 403, `${a.email} imports a session's results`);
  },
  'GET /api/exam-sessions/:id/results/import/template': async ({ w, a, c }) => {
    expectStatus(await c.get(`/api/exam-sessions/${w['exam-sessions'][a.own]}/results/import/template`), may(a, 'exam-results', 'import') ? 200 : 403, `${a.email} downloads the results template`);
  },
  // HQ verifies a claimed certificate (HQ tries one that does not exist: the world's stays claimed for the others).
  'POST /api/certificates/:id/actions/verify': async ({ w, a, c }) => {
    if (a.role === 'hq') { expectStatus(await c.post('/api/certificates/999999/actions/verify', {}), 404, `${a.email} verifies no certificate`); return; }
    expectStatus(await c.post(`/api/certificates/${w.certificates[a.own]}/actions/verify`, {}), 403, `${a.email} verifies its own certificate`);
    if (a.other && may(a, 'certificates', 'show')) expectStatus(await c.post(`/api/certificates/${w.certificates[a.other]}/actions/verify`, {}), 404, `${a.email} verifies the other certificate`);
  },
  'GET /api/certificate-reconciliation': async ({ a, c }) => {
    expectStatus(await c.get('/api/certificate-reconciliation', listQuery({ range: [0, 99] })), may(a, 'certificate-reconciliation', 'list') ? 200 : 403, `${a.email} reads the reconciliation`);
  },
  // Every signed-in user's own digest preference.
  'GET /api/auth/me/preferences': async ({ a, c }) => { expectStatus(await c.get('/api/auth/me/preferences'), 200, `${a.email} reads its preferences`); },
  'PUT /api/auth/me/preferences': async ({ a, c }) => { expectStatus(await c.put('/api/auth/me/preferences', {}), 400, `${a.email} sets its preferences without fields`); },
};

let t: TestContext;
let w: World;
let notes: Map<number, number>;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildAccessWorld(t);
  notes = await notificationsByUser(t);
});
afterAll(async () => { await t?.close(); });

describe('the access matrix', () => {
  it('has an entry for every API route, and no entry without a route', () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !matrix[r]), 'routes without an access entry').toEqual([]);
    expect(Object.keys(matrix).filter((k) => !routes.includes(k)), 'entries without a route').toEqual([]);
  });

  for (const a of actors) {
    it(`${a.email} (${a.role}) gets exactly what its role and scope allow on every route`, async () => {
      const c = await t.as(a.email);
      for (const [route, check] of Object.entries(matrix)) {
        try {
          await check({ t, w, a, c, notes });
        } catch (e) {
          (e as Error).message = `[${route}] ${(e as Error).message}`;
          throw e;
        }
      }
    });
  }
});
