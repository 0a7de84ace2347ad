import { count, isNull, sql } from 'drizzle-orm';
import type { Db, Executor } from '@campus/server/db/client.js';
import * as s from '@campus/server/db/schema/index.js';
import type { Tier } from '@campus/server/db/schema/index.js';
import { hashPassword } from '@campus/server/modules/auth/password.js';
import { emptyRows, personName, type Context, type Policy, type Rows } from './demo-context.js';
import { PROVIDERS, SCHOOL_ADMIN_NAMES, SCHOOLS, STAFF, type ProviderKey } from './demo-data.js';
import { recordFacts } from './demo-facts.js';
import { recordCertification, recordInstructorTrainings } from './demo-certification.js';
import { factWindows, monthsAgo, planAgreements, recordWorkflow, TIER_NAMES, type SchoolState } from './demo-workflow.js';
import { IdSource, insertMany } from './lib/bulk.js';
import { addDaysTo, instant, yearOf } from './lib/dates.js';
import { isLiveAgreement, todayInChina } from '@campus/common';
import { Random } from './lib/random.js';
import { seedReferenceData, type RegionCode } from '@campus/server/modules/reference-data/reference-data.js';

export const DEMO_PASSWORD = 'demo1234';

/**
 * Loads the reference data (always) and, on a database without users, the demo data set.
 * Returns whether the demo set was loaded.
 */
export async function seedDemoIfEmpty(db: Db): Promise<boolean> {
  await seedReferenceData(db);
  const [{ n }] = await db.select({ n: count() }).from(s.users);
  if (Number(n) > 0) return false;
  await seedDemo(db);
  return true;
}

/**
 * The demo data set of DOMAIN.md "Demo data", in one transaction. The same on every run (a seeded
 * PRNG), with its dates counted back from today so that the agreements are always in progress.
 */
export async function seedDemo(db: Db, options: { today?: string } = {}): Promise<void> {
  await seedReferenceData(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const today = options.today ?? todayInChina();
  await db.transaction(async (tx) => {
    const ids = await IdSource.open(tx, demoIdTables());
    const ctx = await openContext(tx, today, ids);
    buildDemo(ctx, passwordHash);
    await insertRows(tx, ctx.rows);
    await ids.close(tx);
  });
}

/** The tables whose ids the demo set assigns itself (its rows refer to each other by them). */
export const demoIdTables = () => [
  s.schools, s.providers, s.users, s.applications, s.agreements, s.evaluations, s.instructors, s.students,
  s.jobRegistrations, s.feedback, s.providerReports, s.contentProposals, s.examSites, s.examSessions,
  s.instructorTrainings,
];

/** What the generator needs from the database: the reference data's ids and the policies in force. */
export async function openContext(tx: Executor, today: string, ids: IdSource): Promise<Context> {
  const regionRows = await tx.select({ id: s.regions.id, code: s.regions.code }).from(s.regions);
  const policyRows = await tx.select().from(s.tierPolicies);
  const catalogueRows = await tx.select({ id: s.courses.id, code: s.courses.code }).from(s.courses).where(isNull(s.courses.schoolId));
  const policies = {} as Record<Tier, Policy>;
  // The policy in force now: the latest effective year not after this year.
  for (const p of [...policyRows].sort((a, b) => a.effectiveYear - b.effectiveYear)) {
    if (p.effectiveYear <= yearOf(today)) policies[p.tier as Tier] = p;
  }
  return {
    today, ids, rows: emptyRows(),
    regionIds: Object.fromEntries(regionRows.map((r) => [r.code, r.id])) as Record<RegionCode, number>,
    policies,
    catalogue: Object.fromEntries(catalogueRows.map((c) => [c.code, c.id])),
    hq: [], regionalsOf: { east: [], south: [], north: [], central: [], southwest: [], northwest: [], northeast: [] },
    serial: { value: 0 },
  };
}

/** Builds every row of the demo set in ctx.rows; returns the schools with their recorded facts. */
export function buildDemo(ctx: Context, passwordHash: string): SchoolState[] {
  const { rows, today } = ctx;
  const rng = new Random('campus-partner-demo');
  const createdAt = instant(addDaysTo(today, -3 * 365), 9);

  const providerIds = {} as Record<ProviderKey, number>;
  for (const p of PROVIDERS) {
    providerIds[p.key] = ctx.ids.take(s.providers);
    rows.providers.push({ id: providerIds[p.key], name: p.name, contactName: p.contactName, contactEmail: p.contactEmail, createdAt });
  }

  const schools: SchoolState[] = SCHOOLS.map((spec, i) => ({
    spec, index: i + 1, id: ctx.ids.take(s.schools), region: spec.region, adminId: null,
    providerId: spec.provider ? providerIds[spec.provider] : null,
    agreements: planAgreements(ctx, spec.agreements ?? []), instructors: [], facts: null,
  }));

  // Staff, then one administrator for every school that has dealt with the programme.
  const user = (email: string, name: string, role: string, link: { schoolId?: number; providerId?: number } = {}) => {
    const id = ctx.ids.take(s.users);
    rows.users.push({ id, email, name, role, passwordHash, schoolId: link.schoolId ?? null, providerId: link.providerId ?? null, locale: 'zh', active: true, createdAt });
    return id;
  };
  for (const st of STAFF) {
    const id = user(st.email, st.name, st.role, st.provider ? { providerId: providerIds[st.provider] } : {});
    if (st.role === 'hq') ctx.hq.push(id);
    for (const r of st.regions ?? []) {
      rows.userRegions.push({ userId: id, regionId: ctx.regionIds[r] });
      ctx.regionalsOf[r].push(id);
    }
  }
  for (const school of schools) {
    if (!school.spec.agreements && !school.spec.applications) continue;
    const name = SCHOOL_ADMIN_NAMES[school.spec.key] ?? personName(rng);
    school.adminId = user(`${school.spec.login}@demo.test`, name, 'school', { schoolId: school.id });
  }

  for (const school of schools) {
    const { spec } = school;
    const { status, tier } = schoolStatus(school);
    rows.schools.push({
      id: school.id, name: spec.name, nameEn: spec.nameEn, regionId: ctx.regionIds[spec.region], province: spec.province, city: spec.city,
      kind: spec.kind, tier, status, contactName: personName(rng),
      contactPhone: `1${rng.pick(['35', '38', '39', '58', '86', '87'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`, createdAt,
    });
    if (school.providerId) rows.providerAssignments.push({ providerId: school.providerId, schoolId: school.id, assignedAt: instant(school.agreements[0]?.approvedOn ?? today, 10) });
  }

  for (const school of schools) {
    if (!school.spec.facts) continue;
    const windows = factWindows(ctx, school);
    const recorded = recordFacts(ctx, school, windows, new Random(`facts:${school.spec.key}`));
    school.facts = recorded.facts;
    school.instructors = recorded.instructors;
  }
  recordCertification(ctx, schools);
  recordInstructorTrainings(ctx, schools);
  for (const school of schools) recordWorkflow(ctx, school, new Random(`workflow:${school.spec.key}`));

  recordProviderWork(ctx, schools, providerIds);
  recordNotifications(ctx, schools, rng);
  rows.audit.sort((a, b) => a.at.getTime() - b.at.getTime());
  return schools;
}

/** A school's status and current tier follow its agreements and applications. */
function schoolStatus(school: SchoolState): { status: string; tier: Tier | null } {
  const live = school.agreements.find((a) => isLiveAgreement(a.status));
  if (live) return { status: live.status === 'rectifying' ? 'rectifying' : 'partner', tier: live.tier };
  const last = school.agreements.at(-1);
  if (last?.status === 'terminated' || last?.status === 'expired') return { status: last.status, tier: null };
  if (last?.status.startsWith('pending_')) return { status: 'applying', tier: null };
  const inFlight = (school.spec.applications ?? []).some((a) => !['draft', 'regional_reject', 'hq_reject', 'withdraw'].includes(a.story));
  return { status: inFlight ? 'applying' : 'prospect', tier: null };
}

function recordProviderWork(ctx: Context, schools: SchoolState[], providerIds: Record<ProviderKey, number>) {
  const { rows, today } = ctx;
  const byKey = new Map(schools.map((x) => [x.spec.key, x]));
  const providerUser = (key: ProviderKey) => rows.users.find((u) => u.providerId === providerIds[key])!.id!;

  const feedback = (key: string, provider: ProviderKey, daysAgo: number, subject: string, body: string, reply?: string) => {
    const school = byKey.get(key)!;
    const id = ctx.ids.take(s.feedback);
    const at = instant(addDaysTo(today, -daysAgo), 15, 20);
    const repliedAt = reply ? instant(addDaysTo(today, -daysAgo + 3), 11, 5) : null;
    const repliedBy = reply ? ctx.hq[0] : null;
    rows.feedback.push({
      id, schoolId: school.id, providerId: providerIds[provider], subject, body, status: reply ? 'replied' : 'open', version: reply ? 2 : 1,
      reply: reply ?? null, repliedBy, repliedAt, createdBy: school.adminId, createdAt: at,
    });
    if (reply) rows.audit.push({ entityType: 'feedback', entityId: id, schoolId: school.id, action: 'reply', fromState: 'open', toState: 'replied', actorId: repliedBy, comment: reply, at: repliedAt! });
    return id;
  };
  feedback('zjfc', 'P1', 21, '实战项目排期与专业课时间冲突',
    '服务商安排的国际站店铺实战项目集中在工作日白天，与专业课时间冲突，希望调整到周末或寒暑假集中实训。',
    '已与服务商沟通：自下月起实战项目改为周末及假期集中开展，排期提前两周报学校确认。');
  feedback('gdip', 'P2', 9, '实训指导老师更换频繁', '本学期服务商派驻的实训指导老师已更换三次，学生项目进度受到影响，请总部协调。');
  feedback('niit', 'P3', 30, '真实项目实践安排不足', '整改期间需要补足学生人均实践时长，但服务商目前每周只能提供两个半天的项目实践，远不够用。');

  // Provider reports summarise the practice records of a period.
  const report = (key: string, provider: ProviderKey, monthsBack: number, status: 'submitted' | 'confirmed', outcomes: string) => {
    const school = byKey.get(key)!;
    const periodFrom = monthsAgo(today, monthsBack);
    const periodTo = addDaysTo(today, -7);
    const records = rows.practice.filter((r) => r.schoolId === school.id && r.practicedOn >= periodFrom && r.practicedOn <= periodTo);
    const id = ctx.ids.take(s.providerReports);
    const submittedAt = instant(addDaysTo(today, -5), 16);
    rows.providerReports.push({
      id, providerId: providerIds[provider], schoolId: school.id, project: records[0]?.project ?? '国际站店铺代运营实战', periodFrom, periodTo,
      studentCount: new Set(records.map((r) => r.studentId)).size, totalHours: records.reduce((sum, r) => sum + Number(r.hours), 0), outcomes, status,
      version: status === 'confirmed' ? 2 : 1, reviewComment: status === 'confirmed' ? '与学校确认的实践记录核对一致。' : null,
      submittedBy: providerUser(provider), createdAt: submittedAt, updatedAt: status === 'confirmed' ? instant(addDaysTo(today, -2), 10) : submittedAt,
    });
    rows.audit.push({ entityType: 'provider_report', entityId: id, schoolId: school.id, action: 'submit', fromState: null, toState: 'submitted', actorId: providerUser(provider), comment: null, at: submittedAt });
    if (status === 'confirmed') rows.audit.push({ entityType: 'provider_report', entityId: id, schoolId: school.id, action: 'confirm', fromState: 'submitted', toState: 'confirmed', actorId: school.adminId, comment: '与学校确认的实践记录核对一致。', at: instant(addDaysTo(today, -2), 10) });
  };
  report('zjfc', 'P1', 3, 'confirmed', '完成32家义乌、永康外贸企业国际站店铺的产品发布与优化，累计获取询盘412条，促成信保订单18笔。');
  report('szpu', 'P2', 2, 'submitted', '学生分组运营12家深圳3C企业的国际站店铺，完成直播6场、RFQ报价326次。');
  report('niit', 'P3', 1, 'submitted', '整改期间新增周末项目实践，学生参与国际站新品发布与优化，人均新增实践约20小时。');

  const proposal = (key: string, provider: ProviderKey, title: string, description: string, classHours: number, approved: boolean) => {
    const school = byKey.get(key)!;
    const id = ctx.ids.take(s.contentProposals);
    const at = instant(addDaysTo(today, approved ? -60 : -6), 14);
    rows.contentProposals.push({
      id, providerId: providerIds[provider], schoolId: school.id, title, description, classHours, status: approved ? 'approved' : 'pending', version: approved ? 2 : 1,
      decisionReason: approved ? '内容与官方课程不重复，同意作为补充培训内容。' : null, decidedBy: approved ? ctx.hq[1] : null,
      decidedAt: approved ? instant(addDaysTo(today, -52), 10) : null, createdAt: at,
    });
    if (approved) rows.audit.push({ entityType: 'content_proposal', entityId: id, schoolId: school.id, action: 'approve', fromState: 'pending', toState: 'approved', actorId: ctx.hq[1], comment: '内容与官方课程不重复，同意作为补充培训内容。', at: instant(addDaysTo(today, -52), 10) });
  };
  proposal('zjfc', 'P1', 'TikTok与Facebook海外社媒获客实战专题', '在官方《海外社会化媒体营销》课程之外，增加16学时的海外社媒短视频获客实战，由服务商运营导师带教。', 16, false);
  proposal('szpu', 'P2', '跨境电商B2B直播选品与脚本撰写', '面向直播方向学生的补充训练：B2B直播选品、英文脚本撰写与直播复盘。', 12, true);
}

function recordNotifications(ctx: Context, schools: SchoolState[], rng: Random) {
  const { rows, today } = ctx;
  const schoolOf = new Map(schools.map((x) => [x.id, x]));
  const userId = (email: string) => rows.users.find((u) => u.email === email)!.id!;
  const note = (user: number, kind: string, entityType: string, entityId: number, params: Record<string, unknown>, daysAgo: number, read = false) =>
    rows.notifications.push({
      userId: user, kind, entityType, entityId, params, createdAt: instant(addDaysTo(today, -daysAgo), rng.int(9, 17)),
      readAt: read ? instant(addDaysTo(today, -daysAgo + 1), 9) : null,
    });
  for (const app of rows.applications) {
    const school = schoolOf.get(app.schoolId)!;
    const params = { schoolName: school.spec.name, tier: app.tier, tierName: TIER_NAMES[app.tier as Tier] };
    const daysAgo = Math.max(0, Math.round((Date.parse(today) - (app.updatedAt as Date).getTime()) / 86_400_000));
    if (app.status === 'pending_hq') for (const id of ctx.hq) note(id, 'application_pending_hq', 'application', app.id!, params, daysAgo);
    if (app.status === 'pending_regional') for (const id of ctx.regionalsOf[school.region]) note(id, 'application_pending_regional', 'application', app.id!, params, daysAgo);
    if (app.status === 'returned' && school.adminId) note(school.adminId, 'application_returned', 'application', app.id!, params, daysAgo);
  }
  const zjfc = schools.find((x) => x.spec.key === 'zjfc')!;
  const evaluation = rows.evaluations.filter((e) => e.schoolId === zjfc.id && e.status === 'decided').at(-1);
  if (evaluation) note(userId('school@demo.test'), 'evaluation_decided', 'evaluation', evaluation.id!, { schoolName: zjfc.spec.name, year: evaluation.year, decision: evaluation.decision }, 120, true);
  const replied = rows.feedback.find((f) => f.status === 'replied');
  if (replied) note(userId('school@demo.test'), 'feedback_replied', 'feedback', replied.id!, { subject: replied.subject }, 18);
  const confirmed = rows.providerReports.find((r) => r.status === 'confirmed');
  if (confirmed) note(userId('provider@demo.test'), 'provider_report_confirmed', 'provider_report', confirmed.id!, { schoolName: zjfc.spec.name, project: confirmed.project }, 2);
}

/** Inserts every table in the order of the foreign keys. */
async function insertRows(tx: Executor, rows: Rows) {
  await insertMany(tx, s.providers, rows.providers);
  await insertMany(tx, s.schools, rows.schools);
  await insertMany(tx, s.providerAssignments, rows.providerAssignments);
  await insertMany(tx, s.users, rows.users);
  await insertMany(tx, s.userRegions, rows.userRegions);
  await insertMany(tx, s.applications, rows.applications);
  await insertMany(tx, s.applicationPlanItems, rows.planItems);
  await insertMany(tx, s.agreements, rows.agreements);
  await insertMany(tx, s.evaluations, rows.evaluations);
  await insertMany(tx, s.instructors, rows.instructors);
  await insertMany(tx, s.instructorCertifications, rows.instructorCertifications);
  await insertMany(tx, s.courses, rows.courses);
  await insertMany(tx, s.schoolRequiredCourses, rows.requiredCourses);
  await insertMany(tx, s.students, rows.students);
  await insertMany(tx, s.courseCompletions, rows.completions);
  await insertMany(tx, s.certificates, rows.certificates);
  await insertMany(tx, s.practiceRecords, rows.practice);
  await insertMany(tx, s.jobRegistrations, rows.jobRegistrations);
  await insertMany(tx, s.jobApplications, rows.jobApplications);
  await insertMany(tx, s.jobFairs, rows.jobFairs);
  await insertMany(tx, s.providerReports, rows.providerReports);
  await insertMany(tx, s.contentProposals, rows.contentProposals);
  await insertMany(tx, s.feedback, rows.feedback);
  await insertMany(tx, s.notifications, rows.notifications);
  await insertMany(tx, s.examSites, rows.examSites);
  await insertMany(tx, s.examSessions, rows.examSessions);
  await insertMany(tx, s.examSessionSites, rows.examSessionSites);
  await insertMany(tx, s.examCandidates, rows.examCandidates);
  await insertMany(tx, s.instructorTrainings, rows.instructorTrainings);
  await insertMany(tx, s.instructorTrainingParticipants, rows.instructorTrainingParticipants);
  // A pass's certification: the one of the training's level that began the day the training ended.
  await tx.execute(sql`UPDATE instructor_training_participants p SET certification_id = c.id FROM instructor_trainings t, instructor_certifications c
    WHERE p.passed AND t.id = p.training_id AND c.instructor_id = p.instructor_id AND c.level = t.level AND c.valid_from = t.ends_on`);
  // A passing candidate's certificate, found by the number the session issued.
  await tx.execute(sql`UPDATE exam_candidates c SET certificate_id = cert.id FROM certificates cert WHERE c.cert_no IS NOT NULL AND cert.cert_no = c.cert_no AND cert.status = 'verified'`);
  // appendAudit's rows, with the time each event happened (appendAudit stamps the current time).
  await insertMany(tx, s.auditEvents, rows.audit.map((e) => ({
    entityType: e.entityType, entityId: e.entityId, schoolId: e.schoolId ?? null, action: e.action, fromState: e.fromState ?? null,
    toState: e.toState ?? null, actorId: e.actorId, at: e.at, comment: e.comment ?? null, data: e.data ?? null,
  })));
}
