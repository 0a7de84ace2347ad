import * as s from '@campus/server/db/schema/index.js';
import type { AgreementState, ApplicationState, Tier } from '@campus/server/db/schema/index.js';
import type { Context } from './demo-context.js';
import { personName } from './demo-context.js';
import { PRACTICE_PROJECTS, type AgreementSpec, type ApplicationSpec, type SchoolSpec } from './demo-data.js';
import { REQUIRED_COURSES, type FactWindow, type Instructor } from './demo-facts.js';
import { computeCompliance, failingKpis, type KpiName, type SchoolFacts } from './kpi.js';
import { addDaysTo, addYearsTo, agreementYear, instant, monthsBefore, yearOf } from './lib/dates.js';
import type { Random } from './lib/random.js';
import { CATALOGUE, type RegionCode } from '@campus/server/modules/reference-data/reference-data.js';
import { isLiveAgreement } from '@campus/common';

export interface SchoolState {
  spec: SchoolSpec;
  index: number;
  id: number;
  region: RegionCode;
  adminId: number | null;
  providerId: number | null;
  agreements: AgreementPlan[];
  instructors: Instructor[];
  facts: SchoolFacts | null;
}

export interface AgreementPlan {
  id: number;
  spec: AgreementSpec;
  tier: Tier;
  status: AgreementState;
  startDate: string | null;
  termYears: number;
  approvedOn: string;
  previousId: number | null;
  /** Created by a final review's renewal, not by an application. */
  renewal: boolean;
  endedOn: string | null;
}

export const TIER_NAMES: Record<Tier, string> = {
  industry_college: '产业学院', talent_base: '人才基地', pilot_1x: '1+X试点院校', partner_school: '阿里认证合作院校',
};

const KPI_LABELS: Record<KpiName, string> = {
  certifiedInstructors: '1+X认证讲师', teachingDelivery: '教学实施', offlineCourses: '线下专业课', practiceHours: '人均实践时长',
  certificates1x: '1+X取证人数', certificatesOperator: '操盘官认证人数', jobPlatformRate: '求职平台活跃率', jobFairs: '招聘会',
};

/** A date some (possibly fractional) months before today. */
export function monthsAgo(today: string, months: number): string {
  const whole = Math.floor(months);
  return addDaysTo(monthsBefore(today, whole), -Math.round((months - whole) * 30));
}

/**
 * A start `years` whole years plus a few weeks before the latest 30 June, but less than a year
 * before today, so that the current agreement year contains that graduation day.
 */
const maxDate = (a: string, b: string) => (a > b ? a : b);

function anchoredOnGraduation(today: string, years: number): string {
  const graduation = today > `${yearOf(today)}-06-30` ? `${yearOf(today)}-06-30` : `${yearOf(today) - 1}-06-30`;
  const anniversary = maxDate(addDaysTo(graduation, -20), addDaysTo(addYearsTo(today, -1), 1));
  return addYearsTo(anniversary, -years);
}

/** The agreements' dates: when each was approved, became active and ended. */
export function planAgreements(ctx: Context, specs: AgreementSpec[]): AgreementPlan[] {
  const plans: AgreementPlan[] = [];
  for (const a of specs) {
    const prev = plans.at(-1);
    const renewal = prev?.status === 'renewed';
    const termYears = ctx.policies[a.tier].termYears;
    const pending = a.status.startsWith('pending_');
    const at = a.anchorOnGraduation ? anchoredOnGraduation(ctx.today, Math.floor(a.monthsAgo / 12)) : monthsAgo(ctx.today, a.monthsAgo);
    const startDate = pending ? null : renewal ? addYearsTo(prev.startDate!, prev.termYears) : at;
    const approvedOn = pending ? at
      : renewal ? addDaysTo(startDate!, -15)
        : a.tier === 'industry_college' ? addDaysTo(startDate!, -100)
          : a.tier === 'talent_base' ? addDaysTo(startDate!, -70) : startDate!;
    const endedOn = a.status === 'renewed' || a.status === 'expired' ? addYearsTo(startDate!, termYears)
      : a.status === 'terminated' ? monthsAgo(ctx.today, a.endedMonthsAgo ?? 1) : null;
    plans.push({ id: ctx.ids.take(s.agreements), spec: a, tier: a.tier, status: a.status, startDate, termYears, approvedOn, previousId: prev?.id ?? null, renewal, endedOn });
  }
  return plans;
}

/** An ended year of a live agreement whose next year is the current one. */
function isLatestEndedYear(ctx: Context, a: { status: AgreementState; startDate: string | null }, year: number): boolean {
  if (!isLiveAgreement(a.status) || !a.startDate) return false;
  return agreementYear(a.startDate, year).to <= ctx.today && agreementYear(a.startDate, year + 1).to > ctx.today;
}

/** The agreement years a school has facts for, the live agreement's current year last. */
export function factWindows(ctx: Context, school: SchoolState): FactWindow[] {
  const windows: FactWindow[] = [];
  const fails = school.spec.facts?.fails;
  for (const a of school.agreements) {
    if (!a.startDate) continue;
    for (let year = 1; ; year++) {
      const { from, to } = agreementYear(a.startDate, year);
      if (from > ctx.today) break;
      if ((a.status === 'renewed' || a.status === 'expired') && year > a.termYears) break;
      if (a.status === 'terminated' && to > a.endedOn!) break;
      const current = isLiveAgreement(a.status) && to > ctx.today;
      const w: FactWindow = {
        agreementId: a.id, tier: a.tier, policy: ctx.policies[a.tier], year, from, to,
        end: to > ctx.today ? addDaysTo(ctx.today, 1) : to, current, fails: [],
      };
      if (current && fails && fails !== 'practiceHours' && fails !== 'certifiedInstructors') w.fails.push(fails);
      const failedLastYear = school.spec.facts?.failedLastYear;
      if (failedLastYear && isLatestEndedYear(ctx, a, year)) w.fails.push(failedLastYear);
      // The terminated talent base: a poor second year.
      if (a.status === 'terminated' && agreementYear(a.startDate, year + 1).to > a.endedOn!) w.fails.push('certificates', 'jobFairs');
      windows.push(w);
    }
  }
  return windows;
}

function regionalActor(ctx: Context, rng: Random, region: RegionCode) {
  return rng.pick(ctx.regionalsOf[region]);
}

const time = (rng: Random, date: string) => instant(date, rng.int(9, 17), rng.int(0, 59));

/** Instructors for a plan: the school's own when recorded, otherwise named for the application. */
function planInstructors(ctx: Context, school: SchoolState, n: number, rng: Random): Instructor[] {
  if (school.instructors.length >= n) return school.instructors.slice(0, n);
  return Array.from({ length: n }, () => ({
    id: 0, name: personName(rng), level: rng.pick(['junior', 'intermediate', 'senior'] as const),
    certNo: `1XJS${2021 + rng.int(0, 4)}${String(++ctx.serial.value).padStart(6, '0')}`,
  }));
}

const TARGETS: Record<Tier, Record<string, number>> = {
  industry_college: { certificates1x: 220, certificatesOperator: 300, jobPlatformRate: 0.95, practiceHoursPerStudent: 160 },
  talent_base: { certificates1x: 50, certificatesOperator: 70, jobPlatformRate: 0.95 },
  pilot_1x: { certificates1x: 40 },
  partner_school: { certificatesOperator: 20 },
};
const TARGET_TITLES: Record<string, string> = {
  certificates1x: '每年1+X证书（跨境电商B2B数据运营）取证人数',
  certificatesOperator: '每年阿里巴巴国际站操盘官认证人数',
  jobPlatformRate: '取证学生进入指定求职平台并保持活跃的比例',
  practiceHoursPerStudent: '学生人均真实项目实践时长（小时/年）',
};

/** The implementation plan of an application and its items (DOMAIN.md "Application"). */
function buildPlan(ctx: Context, school: SchoolState, tier: Tier, applicationId: number, story: 'approved' | ApplicationSpec['story'], hqId: number, rng: Random) {
  const { spec } = school;
  const draft = story === 'draft';
  const targets = TARGETS[tier];
  const plan = {
    qualifications: {
      cbecDisciplineBase: true,
      talentTrainingValued: true,
      longTermPlan: `${spec.name}依托${rng.pick(['国际经济与贸易', '电子商务', '商务英语'])}专业群开设跨境电子商务专业，计划三年内建成覆盖${spec.city}及周边产业带的跨境电商B2B人才培养基地，每年培养跨境电商方向学生${Math.round((school.spec.facts?.cohortSize ?? 80) * 0.9)}人以上。`,
    },
    targets,
    jobFairPlan: tier === 'industry_college' || tier === 'talent_base'
      ? `每年${rng.pick(['10月', '11月', '4月'])}联合阿里巴巴国际站${spec.city}生态企业举办跨境电商人才专场招聘会，邀请不少于30家外贸企业参会。`
      : '',
    summary: draft ? '' : `${spec.name}申请成为阿里巴巴国际站${TIER_NAMES[tier]}：使用官方1+X教材与线上课程开展教学${tier === 'industry_college' ? '，新增2门32学时线下跨境电商B2B专业课，并与服务商合作开展真实项目实践' : ''}，引导学生参加1+X及操盘官认证并进入指定求职平台就业。`,
  };
  const items: (typeof s.applicationPlanItems.$inferInsert)[] = [];
  const add = (kind: string, title: string, details: Record<string, unknown>, needsPlatformSupport = false) =>
    items.push({ applicationId, kind, title, details, needsPlatformSupport, approved: null, approvedBy: null, position: items.length });
  const needed = ctx.policies[tier].certifiedInstructors ?? 1;
  for (const ins of planInstructors(ctx, school, draft ? Math.min(1, needed) : needed, rng)) {
    add('instructor', `1+X认证讲师：${ins.name}`, { name: ins.name, certNo: ins.certNo, level: ins.level });
  }
  if (!draft) {
    for (const code of REQUIRED_COURSES[tier]) {
      const support = code === 'PLT-B2B-SIM' || code.startsWith('ONL-');
      const title = CATALOGUE.find((c) => c.code === code)!.title;
      add('teaching_resource', support ? `平台提供：${title}` : `官方教材：${title}`, { courseId: ctx.catalogue[code] }, support);
    }
    if (tier === 'industry_college' || tier === 'talent_base') {
      const project = rng.pick(PRACTICE_PROJECTS);
      add('practice_project', project, { hoursPerStudent: tier === 'industry_college' ? 160 : 40, students: Math.round((spec.facts?.cohortSize ?? 80) * 2.7) }, tier === 'industry_college');
    }
    for (const [kpi, value] of Object.entries(targets)) add('target', TARGET_TITLES[kpi], { kpi, value });
    if (plan.jobFairPlan) add('job_fair', '年度跨境电商人才专场招聘会', { plannedMonth: rng.pick([4, 10, 11]), employers: 30 }, tier === 'industry_college');
  }
  const support = items.filter((i) => i.needsPlatformSupport);
  if (story === 'approved') for (const i of support) Object.assign(i, { approved: true, approvedBy: hqId });
  if (story === 'pending_hq' && support.length) Object.assign(support[0], { approved: true, approvedBy: hqId });
  if ((story === 'hq_return' || story === 'resubmit_then_hq_return') && support.length) Object.assign(support.at(-1)!, { approved: false, approvedBy: hqId });
  ctx.rows.planItems.push(...items);
  return plan;
}

const COMMENTS = {
  submit: ['提交申报材料，承诺具备官方要求的教学条件并达成人才培养指标。', '提交申报，请审核。'],
  resubmit: ['已按审核意见修改实施方案并重新提交。'],
  regional_approve: ['资质审核通过：具备跨境电商学科基础，人才培养计划完整。', '资质材料齐全，同意报总部审核方案。'],
  regional_return: ['请补充1+X认证讲师的证书编号，并细化实践项目的时间安排后重新提交。', '学科基础材料不完整：请上传跨境电商专业开设文件及近两年招生数据。'],
  regional_reject: ['暂不具备跨境电商学科基础（尚未开设相关专业），建议先以阿里认证合作院校形式合作。'],
  hq_approve: ['方案审核通过：需平台支持的实训平台账号、官方线上课程已确认提供。', '方案审核通过，进入签约流程。'],
  hq_return: ['考证与就业目标需按层级标准调整（1+X每年不少于对应人数），请修改后重新提交。'],
  hq_reject: ['实施方案与产业学院要求差距较大：线下专业课与真实项目实践尚未落实，建议先申报人才基地。'],
  withdraw: ['学校调整本年度合作计划，撤回申报。'],
};

const RETURN_COMMENTS: Record<string, Record<string, string>> = {
  regional_return: {
    'plan.instructors': '请补充每位讲师的1+X讲师证书编号和等级。',
    'plan.qualifications.longTermPlan': '长期人才培养计划过于笼统，请写明专业、年级与年度培养人数。',
  },
  hq_return: {
    'plan.targets': '考证目标低于该层级标准，请按每年1+X不少于40人或操盘官不少于60人调整。',
    'plan.jobFairPlan': '请写明招聘会的举办时间与参会企业规模。',
  },
};

interface Step { action: string; from: ApplicationState | null; to: ApplicationState; on: string; actor: 'school' | 'regional' | 'hq' }

/** The steps of an application's history, oldest first, ending on the day `last`. */
function applicationSteps(story: 'approved' | ApplicationSpec['story'], last: string, rng: Random, detour: boolean): Step[] {
  const d = (days: number) => addDaysTo(last, -days);
  const submit = (on: string): Step => ({ action: 'submit', from: 'draft', to: 'pending_regional', on, actor: 'school' });
  switch (story) {
    case 'draft': return [];
    case 'pending_regional': return [submit(last)];
    case 'pending_hq': return [submit(d(rng.int(6, 12))), { action: 'regional_approve', from: 'pending_regional', to: 'pending_hq', on: last, actor: 'regional' }];
    case 'regional_return': return [submit(d(rng.int(5, 10))), { action: 'regional_return', from: 'pending_regional', to: 'returned', on: last, actor: 'regional' }];
    case 'hq_return': return [
      submit(d(20)), { action: 'regional_approve', from: 'pending_regional', to: 'pending_hq', on: d(12), actor: 'regional' },
      { action: 'hq_return', from: 'pending_hq', to: 'returned', on: last, actor: 'hq' }];
    case 'resubmit_then_hq_return': return [
      submit(d(40)), { action: 'regional_return', from: 'pending_regional', to: 'returned', on: d(33), actor: 'regional' },
      { action: 'resubmit', from: 'returned', to: 'pending_regional', on: d(25), actor: 'school' },
      { action: 'regional_approve', from: 'pending_regional', to: 'pending_hq', on: d(18), actor: 'regional' },
      { action: 'hq_return', from: 'pending_hq', to: 'returned', on: last, actor: 'hq' }];
    case 'regional_reject': return [submit(d(8)), { action: 'regional_reject', from: 'pending_regional', to: 'rejected', on: last, actor: 'regional' }];
    case 'hq_reject': return [
      submit(d(25)), { action: 'regional_approve', from: 'pending_regional', to: 'pending_hq', on: d(15), actor: 'regional' },
      { action: 'hq_reject', from: 'pending_hq', to: 'rejected', on: last, actor: 'hq' }];
    case 'withdraw': return [submit(d(10)), { action: 'withdraw', from: 'pending_regional', to: 'withdrawn', on: last, actor: 'school' }];
    case 'approved': {
      const steps: Step[] = [submit(d(rng.int(32, 40)))];
      if (detour) {
        steps.push({ action: 'regional_return', from: 'pending_regional', to: 'returned', on: d(28), actor: 'regional' });
        steps.push({ action: 'resubmit', from: 'returned', to: 'pending_regional', on: d(22), actor: 'school' });
      }
      steps.push({ action: 'regional_approve', from: 'pending_regional', to: 'pending_hq', on: d(rng.int(12, 18)), actor: 'regional' });
      steps.push({ action: 'hq_approve', from: 'pending_hq', to: 'approved', on: last, actor: 'hq' });
      return steps;
    }
  }
}

/** Writes one application with its plan, items and audited history; returns its id. */
function recordApplication(ctx: Context, school: SchoolState, tier: Tier, story: 'approved' | ApplicationSpec['story'], last: string, rng: Random, upgradeFrom: number | null): number {
  const id = ctx.ids.take(s.applications);
  const hqId = rng.pick(ctx.hq);
  const steps = applicationSteps(story, last, rng, story === 'approved' && rng.chance(0.3));
  const plan = buildPlan(ctx, school, tier, id, story, hqId, rng);
  const stamps = steps.map((st) => time(rng, st.on));
  const createdAt = time(rng, addDaysTo(steps[0]?.on ?? last, -rng.int(2, 9)));
  let reviewComments: Record<string, string> = {};
  steps.forEach((st, i) => {
    const actorId = st.actor === 'school' ? school.adminId : st.actor === 'hq' ? hqId : regionalActor(ctx, rng, school.region);
    const comment = rng.pick(COMMENTS[st.action as keyof typeof COMMENTS]);
    let data: unknown = null;
    if (st.action === 'regional_return' || st.action === 'hq_return') {
      reviewComments = RETURN_COMMENTS[st.action];
      data = { reviewComments };
    }
    if (st.action === 'resubmit') reviewComments = {};
    ctx.rows.audit.push({ entityType: 'application', entityId: id, schoolId: school.id, action: st.action, fromState: st.from, toState: st.to, actorId, comment, data, at: stamps[i] });
  });
  const submits = steps.map((st, i) => (st.action === 'submit' || st.action === 'resubmit' ? stamps[i] : null)).filter((x): x is Date => x !== null);
  const status: ApplicationState = steps.at(-1)?.to ?? 'draft';
  const final = ['approved', 'rejected', 'withdrawn'].includes(status);
  ctx.rows.applications.push({
    id, schoolId: school.id, tier, status, version: steps.length + 1, plan, pledge: story !== 'draft',
    reviewComments: status === 'returned' ? reviewComments : {}, upgradeFromAgreementId: upgradeFrom, createdBy: school.adminId,
    submittedAt: submits.at(-1) ?? null, decidedAt: final && status !== 'withdrawn' ? stamps.at(-1)! : null,
    createdAt, updatedAt: stamps.at(-1) ?? createdAt,
  });
  return id;
}

const PLAQUE_PLACES = ['行政楼一楼报告厅', '图书馆学术报告厅', '跨境电商实训中心', '国际商学院大楼报告厅'];

/** The school's applications, agreements with their signing path, and annual evaluations. */
export function recordWorkflow(ctx: Context, school: SchoolState, rng: Random): void {
  const { rows, today } = ctx;
  const hqId = () => rng.pick(ctx.hq);
  for (const a of school.agreements) {
    const applicationId = a.renewal ? null : recordApplication(ctx, school, a.tier, 'approved', a.approvedOn, rng, null);
    const events: { action: string; from: AgreementState; to: AgreementState; on: string; comment: string; data?: unknown }[] = [];
    let signedOn: string | null = null;
    let plaqueOn: string | null = null;
    let plaquePlace: string | null = null;
    let inspectionPassedOn: string | null = null;
    const inspectionFindings: unknown[] = [];
    const signs = ctx.policies[a.tier].requiresSigning;
    const plaque = ctx.policies[a.tier].requiresPlaque;
    if (signs && a.status !== 'pending_signing' && !a.renewal) {
      signedOn = addDaysTo(a.approvedOn, rng.int(20, 30));
      const next = plaque ? 'pending_plaque' : 'pending_inspection';
      events.push({ action: 'sign', from: 'pending_signing', to: next, on: signedOn, comment: '双方完成合作协议签署。' });
      if (plaque && a.status !== 'pending_plaque') {
        plaqueOn = addDaysTo(signedOn, rng.int(25, 35));
        plaquePlace = `${school.spec.name}${rng.pick(PLAQUE_PLACES)}`;
        events.push({ action: 'hold_plaque_ceremony', from: 'pending_plaque', to: 'pending_inspection', on: plaqueOn, comment: `在${plaquePlace}举行产业学院揭牌仪式。` });
      }
      if (a.status === 'pending_inspection') {
        const on = addDaysTo(plaqueOn ?? signedOn, rng.int(40, 55));
        const finding = { on, missing: ['certifiedInstructors', 'teachingResources'], comment: '1+X认证讲师仅2名（要求4名），实训平台账号尚未开通。' };
        inspectionFindings.push(finding);
        events.push({ action: 'fail_inspection', from: 'pending_inspection', to: 'pending_inspection', on, comment: finding.comment, data: finding });
      } else if (a.startDate) {
        inspectionPassedOn = a.startDate;
        events.push({ action: 'pass_inspection', from: 'pending_inspection', to: 'active', on: a.startDate, comment: '揭牌检验通过：师资力量与教学资源配置到位。' });
      }
    }

    let rectification: { notice: string; deadline: string; kpis: string[] } | null = null;
    if (a.startDate && school.facts) {
      for (let year = 1; ; year++) {
        const { to } = agreementYear(a.startDate, year);
        const final = year === a.termYears;
        const nextTo = agreementYear(a.startDate, year + 1).to;
        let decision: string | null = 'continue';
        let openedOn = addDaysTo(to, 3);
        let decidedOn = addDaysTo(to, rng.int(8, 20));
        if (a.status === 'renewed' && final) {
          decision = 'renew'; openedOn = addDaysTo(to, -25); decidedOn = addDaysTo(to, -15);
        } else if (a.status === 'expired' && final) {
          decision = 'not_renew'; openedOn = addDaysTo(to, -25); decidedOn = addDaysTo(to, -12);
        } else if (a.status === 'terminated' && nextTo > a.endedOn!) {
          decision = 'terminate'; decidedOn = a.endedOn!;
        } else if (a.status === 'rectifying' && nextTo > today) {
          decision = 'rectify'; decidedOn = addDaysTo(to, 17);
        } else if (to > today) {
          // The final review of a term that ends within six weeks is opened ahead of time.
          if (!(final && isLiveAgreement(a.status) && addDaysTo(to, -45) <= today)) break;
          decision = null; openedOn = addDaysTo(today, -8);
        }
        if (decision === 'continue' && decidedOn >= today) decision = null;
        // The failed year HQ has not got round to: no evaluation yet (see demo-data.ts).
        if (school.spec.facts?.failedLastYear && isLatestEndedYear(ctx, a, year)) break;
        if (openedOn >= today) break;
        const snapshot = computeCompliance({
          schoolId: school.id, schoolName: school.spec.name, regionId: ctx.regionIds[school.region], agreementId: a.id, tier: a.tier,
          startDate: a.startDate, termYears: a.termYears, year, today: openedOn, policy: ctx.policies[a.tier], facts: school.facts,
        });
        const failing = failingKpis(snapshot);
        const evaluationId = ctx.ids.take(s.evaluations);
        const opener = hqId();
        const decider = hqId();
        const deadline = decision === 'rectify' ? addDaysTo(decidedOn, 150) : null;
        const reason = decision === 'continue'
          ? (failing.length ? `第${year}年度部分指标未达标（${failing.map((k) => KPI_LABELS[k]).join('、')}），已提醒学校改进，继续合作。` : `第${year}年度各项指标达标，继续合作。`)
          : decision === 'rectify' ? `第${year}年度人均真实项目实践时长未达到160小时，发出整改通知。`
            : decision === 'terminate' ? `第${year}年度考证人数与招聘会均未达标，且连续两年考证人数低于人才基地标准，终止合作。`
              : decision === 'renew' ? '协议期满，终审通过，续约一年。'
                : decision === 'not_renew' ? '协议期满，学校申请转为阿里认证合作院校，本协议不续约。' : null;
        rows.evaluations.push({
          id: evaluationId, agreementId: a.id, schoolId: school.id, year, kind: final ? 'final' : 'annual',
          status: decision ? 'decided' : 'open', version: decision ? 2 : 1, snapshot, snapshotAt: time(rng, openedOn),
          decision, reason, deadline, failingKpis: decision === 'rectify' || decision === 'terminate' ? failing : null,
          notice: decision === 'rectify' ? '请于整改期限内补足学生真实项目实践（人均每年160小时），并按月报送实践记录。' : null,
          openedBy: opener, decidedBy: decision ? decider : null, decidedAt: decision ? time(rng, decidedOn) : null, createdAt: time(rng, openedOn),
        });
        rows.audit.push({ entityType: 'evaluation', entityId: evaluationId, schoolId: school.id, action: 'open', fromState: null, toState: 'open', actorId: opener, comment: `开启第${year}年度${final ? '终审' : '评审'}，冻结KPI快照。`, at: time(rng, openedOn) });
        if (decision) {
          rows.audit.push({ entityType: 'evaluation', entityId: evaluationId, schoolId: school.id, action: 'decide', fromState: 'open', toState: 'decided', actorId: decider, comment: reason, data: { decision, deadline, failingKpis: failing }, at: time(rng, decidedOn) });
        }
        const follows: Record<string, AgreementState> = { rectify: 'rectifying', terminate: 'terminated', renew: 'renewed', not_renew: 'expired' };
        if (decision && follows[decision]) {
          events.push({ action: decision, from: 'active', to: follows[decision], on: decidedOn, comment: reason! });
          if (decision === 'rectify') rectification = { notice: `第${year}年度人均真实项目实践时长不足160小时：请与服务商增加真实项目实践安排，并于期限前完成整改。`, deadline: deadline!, kpis: failing };
        }
        if (decision && decision !== 'continue') break;
        if (final) break;
      }
    }

    const stamps = events.map((e) => time(rng, e.on));
    events.forEach((e, i) => rows.audit.push({
      entityType: 'agreement', entityId: a.id, schoolId: school.id, action: e.action, fromState: e.from, toState: e.to,
      actorId: hqId(), comment: e.comment, data: e.data ?? null, at: stamps[i],
    }));
    rows.agreements.push({
      id: a.id, schoolId: school.id, applicationId, previousAgreementId: a.previousId, tier: a.tier, status: a.status,
      version: events.length + 1, startDate: a.startDate, termYears: a.termYears, signedOn, plaqueOn, plaquePlace, inspectionPassedOn,
      inspectionFindings, rectificationNotice: rectification?.notice ?? null, rectificationDeadline: rectification?.deadline ?? null,
      rectificationKpis: rectification?.kpis ?? null, endedOn: a.endedOn,
      createdAt: time(rng, a.renewal ? a.startDate! : a.approvedOn), updatedAt: stamps.at(-1) ?? time(rng, a.approvedOn),
    });
  }

  // Applications that did not (yet) become agreements.
  const live = school.agreements.find((a) => isLiveAgreement(a.status));
  for (const app of school.spec.applications ?? []) {
    recordApplication(ctx, school, app.tier, app.story, monthsAgo(today, app.monthsAgo), rng, app.upgrade ? live!.id : null);
  }
}
