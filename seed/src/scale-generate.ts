import type { Tier } from '@campus/server/db/schema/index.js';
import {
  CHINESE_ORDINALS, CITIES, EMPLOYERS, GIVEN, MAJORS, PRACTICE_PROJECTS, PROVINCE_WEIGHTS, SCHOOL_ENDINGS, SURNAMES,
} from './scale-data.js';

/**
 * The scale generator's rows, as lines of PostgreSQL COPY text (tab-separated, \N for NULL), built
 * a school at a time so that memory stays bounded whatever the number of schools. Deterministic:
 * the same options and seed give the same rows.
 */

// ---------------------------------------------------------------------------------------------
// The tables it writes and their COPY columns (every other column takes its default).

export const COPY_COLUMNS = {
  schools: ['id', 'name', 'region_id', 'province', 'city', 'kind', 'tier', 'status', 'contact_name', 'contact_phone'],
  agreements: ['id', 'school_id', 'previous_agreement_id', 'tier', 'status', 'start_date', 'term_years', 'signed_on', 'plaque_on', 'plaque_place', 'inspection_passed_on', 'rectification_notice', 'rectification_deadline', 'rectification_kpis', 'ended_on'],
  instructors: ['id', 'school_id', 'name', 'staff_no', 'email'],
  instructor_certifications: ['id', 'instructor_id', 'school_id', 'cert_no', 'level', 'valid_from', 'valid_to'],
  courses: ['id', 'school_id', 'kind', 'code', 'title', 'class_hours', 'term', 'taught_from', 'taught_to'],
  school_required_courses: ['school_id', 'course_id', 'required'],
  students: ['id', 'school_id', 'student_no', 'name', 'cohort_year', 'enrolled_on', 'left_on', 'left_reason', 'major'],
  course_completions: ['id', 'student_id', 'school_id', 'course_id', 'completed_on'],
  certificates: ['id', 'student_id', 'school_id', 'kind', 'cert_no', 'issued_on'],
  practice_records: ['id', 'student_id', 'school_id', 'project', 'hours', 'practiced_on', 'confirmed', 'confirmed_at'],
  job_registrations: ['id', 'student_id', 'school_id', 'registered_on', 'platform_account', 'resume_completeness'],
  job_applications: ['id', 'registration_id', 'student_id', 'school_id', 'applied_on', 'employer'],
  job_fairs: ['id', 'school_id', 'title', 'held_on', 'employers', 'attendance'],
} as const;

export type TableName = keyof typeof COPY_COLUMNS;
/** In foreign-key order: a table only refers to tables before it. */
export const TABLES = Object.keys(COPY_COLUMNS) as TableName[];
/** Tables with a serial id that the generator assigns itself. */
export const ID_TABLES = TABLES.filter((t) => t !== 'school_required_courses');

// ---------------------------------------------------------------------------------------------
// Days: numbers of days since 1970-01-01 in the hot loops, 'YYYY-MM-DD' only when written.

const MS_PER_DAY = 86_400_000;
const dateCache = new Map<number, string>();
export const dayOf = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY;
export function dateOf(day: number): string {
  let d = dateCache.get(day);
  if (d === undefined) dateCache.set(day, (d = new Date(day * MS_PER_DAY).toISOString().slice(0, 10)));
  return d;
}
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** date + n years, 29 February becoming 28 February in a common year (as PostgreSQL's date + interval). */
export function addYears(date: string, n: number): string {
  const y = +date.slice(0, 4) + n;
  const md = date.slice(5);
  return `${y}-${md === '02-29' && !isLeap(y) ? '02-28' : md}`;
}

// ---------------------------------------------------------------------------------------------
// A small seeded PRNG (mulberry32).

export class Rng {
  private a: number;
  constructor(seed: number) { this.a = seed >>> 0; }
  float(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number { return min + Math.floor(this.float() * (max - min + 1)); }
  between(min: number, max: number): number { return min + this.float() * (max - min); }
  chance(p: number): boolean { return this.float() < p; }
  pick<T>(items: readonly T[]): T { return items[Math.floor(this.float() * items.length)]; }
}

// ---------------------------------------------------------------------------------------------
// The plan of every school: who it is, its tier and how well it does. Small (a few hundred bytes a
// school), made for all schools up front so that sizes can be scaled to the requested total.

export interface GeneratorOptions {
  schools: number;
  studentsPerSchool: number;
  years: number;
  today: string;
  seed: number;
}

export interface Reference {
  regions: { id: number; code: string; provinces: string[] }[];
  /** The official catalogue (schoolId null): id, code and kind. */
  catalogue: { id: number; code: string | null; kind: string }[];
}

interface AgreementPlan { id: number; previousId: number | null; status: string; start: string; termYears: number; endedOn: string | null }

export interface SchoolPlan {
  index: number;
  id: number;
  name: string;
  regionId: number;
  regionCode: string;
  province: string;
  city: string;
  kind: 'university' | 'vocational';
  programYears: number;
  tier: Tier;
  rectifying: boolean;
  students: number;
  agreements: AgreementPlan[];
  /** The first agreement's start: facts are recorded from there on. */
  since: string;
  q: {
    certRate: number; share1x: number; regRate: number; resumeOk: number; applyRate: number;
    practiceShare: number; practiceRecords: number; practiceHours: number; confirmRate: number;
    deliveryRate: number; instructors: number; instructorCertRate: number; offlinePerYear: number; fairRate: number;
    requiredCourses: number[];
  };
}

export const TIER_SHARES: [Tier, number][] = [['industry_college', 0.05], ['talent_base', 0.2], ['pilot_1x', 0.4], ['partner_school', 0.35]];
/** Relative size by tier (weighted mean 1 with TIER_SHARES): deeper partnerships are bigger programmes. */
const TIER_SIZE: Record<Tier, number> = { industry_college: 1.6, talent_base: 1.2, pilot_1x: 1.0, partner_school: 0.8 };
const TERM_YEARS: Record<Tier, number> = { industry_college: 3, talent_base: 3, pilot_1x: 1, partner_school: 1 };

export interface IdCounters { [table: string]: number }

export function planSchools(opts: GeneratorOptions, ref: Reference, ids: IdCounters): SchoolPlan[] {
  const rng = new Rng(opts.seed);
  const today = opts.today;
  const todayDay = dayOf(today);
  const provinces = Object.keys(PROVINCE_WEIGHTS);
  const regionOf = new Map<string, { id: number; code: string }>();
  for (const r of ref.regions) for (const p of r.provinces) regionOf.set(p, r);
  const weightSum = provinces.reduce((s, p) => s + PROVINCE_WEIGHTS[p], 0);
  const pickProvince = () => {
    let x = rng.float() * weightSum;
    for (const p of provinces) if ((x -= PROVINCE_WEIGHTS[p]) < 0) return p;
    return provinces[0];
  };
  const byCode = new Map(ref.catalogue.map((c) => [c.code, c.id]));
  const platform = ref.catalogue.find((c) => c.kind === 'platform_training')?.id;
  const textbooks = ref.catalogue.filter((c) => c.kind === 'official_textbook').map((c) => c.id);
  if (!platform || !textbooks.length) throw new Error('the catalogue has no platform training or no official textbook');
  const junior = byCode.get('TXT-1X-J1') ?? textbooks[0];
  const intermediate = byCode.get('TXT-1X-I1') ?? textbooks[textbooks.length - 1];

  // Exactly the tier shares, in a shuffled order.
  const tiers: Tier[] = [];
  for (const [tier, share] of TIER_SHARES) for (let i = 0; i < Math.round(opts.schools * share); i++) tiers.push(tier);
  while (tiers.length < opts.schools) tiers.push('partner_school');
  tiers.length = opts.schools;
  for (let i = tiers.length - 1; i > 0; i--) {
    const j = Math.floor(rng.float() * (i + 1));
    [tiers[i], tiers[j]] = [tiers[j], tiers[i]];
  }

  const names = new Map<string, number>();
  const plans: SchoolPlan[] = [];
  const earliest = Math.max(180, opts.years * 365 - 30);
  const latest = Math.min(365, earliest);
  for (let index = 0; index < opts.schools; index++) {
    const tier = tiers[index];
    const province = pickProvince();
    const region = regionOf.get(province);
    if (!region) throw new Error(`no region holds the province ${province}`);
    const city = rng.pick(CITIES[province]);
    const [ending, kind, programYears] = rng.pick(SCHOOL_ENDINGS);
    const base = `${city}${ending}`;
    const n = (names.get(base) ?? 0) + 1;
    names.set(base, n);
    const name = n === 1 ? base : n < CHINESE_ORDINALS.length ? `${city}${CHINESE_ORDINALS[n]}${ending}` : `${base}（${n}）`;
    const id = ids.schools++;

    // Agreements: a 3-year tier has one, started 1 to `years` years ago; a 1-year tier a chain of
    // yearly renewals from then on, the last one active.
    const backDays = rng.int(latest, earliest);
    const first = dateOf(todayDay - backDays);
    const agreements: AgreementPlan[] = [];
    const rectifying = (tier === 'industry_college' || tier === 'talent_base') && rng.chance(0.04);
    if (TERM_YEARS[tier] > 1) {
      agreements.push({ id: ids.agreements++, previousId: null, status: rectifying ? 'rectifying' : 'active', start: first, termYears: TERM_YEARS[tier], endedOn: null });
    } else {
      let start = first;
      let previousId: number | null = null;
      for (;;) {
        const next = addYears(start, 1);
        const live = next > today;
        const a: AgreementPlan = { id: ids.agreements++, previousId, status: live ? 'active' : 'renewed', start, termYears: 1, endedOn: live ? null : next };
        agreements.push(a);
        if (live) break;
        previousId = a.id;
        start = next;
      }
    }

    // How well the school does. Most schools of a tier with thresholds meet most of them; a few
    // struggle with one thing or another, so that every KPI fails somewhere.
    const struggling = rng.chance(0.1);
    const deep = tier === 'industry_college' || tier === 'talent_base';
    // Most schools follow their certified students onto the job platform; the others lose a few.
    const jobsFollowed = rng.chance(0.75);
    const certBase = { industry_college: 0.38, talent_base: 0.24, pilot_1x: 0.2, partner_school: 0.14 }[tier];
    const q: SchoolPlan['q'] = {
      certRate: certBase * rng.between(0.7, 1.35) * (struggling && rng.chance(0.5) ? 0.25 : 1),
      share1x: tier === 'partner_school' ? 0.35 : rng.between(0.55, 0.8),
      regRate: jobsFollowed ? 1 : rng.between(0.85, 0.97),
      resumeOk: jobsFollowed ? rng.between(0.997, 1) : rng.between(0.85, 0.97),
      applyRate: jobsFollowed ? 1 : rng.between(0.8, 0.95),
      practiceShare: tier === 'industry_college' ? 1 : tier === 'talent_base' ? 0.4 : 0.1,
      practiceRecords: tier === 'industry_college' ? 4 : tier === 'talent_base' ? 2 : 1,
      practiceHours: tier === 'industry_college' ? 250 * rng.between(0.8, 1.3) * (struggling ? 0.6 : 1) : rng.between(20, 48),
      confirmRate: rng.between(0.88, 0.98),
      deliveryRate: rng.chance(deep ? 0.85 : 0.5) ? 1 : rng.between(0.93, 0.995),
      instructors: { industry_college: rng.int(5, 9), talent_base: rng.int(4, 7), pilot_1x: rng.int(3, 5), partner_school: rng.int(1, 4) }[tier],
      instructorCertRate: struggling && rng.chance(0.5) ? 0.45 : rng.between(0.8, 1),
      offlinePerYear: tier === 'industry_college' ? (struggling && rng.chance(0.5) ? 1 : rng.int(2, 3)) : tier === 'talent_base' && rng.chance(0.2) ? 1 : 0,
      fairRate: deep ? (struggling && rng.chance(0.5) ? 0.4 : 0.95) : 0.3,
      requiredCourses: tier === 'pilot_1x' || tier === 'partner_school' ? [junior, platform] : [junior, intermediate, platform].filter((v, i, a) => a.indexOf(v) === i),
    };
    plans.push({
      index, id, name, regionId: region.id, regionCode: region.code, province, city, kind, programYears, tier, rectifying,
      students: TIER_SIZE[tier] * rng.between(0.7, 1.3), agreements, since: first, q,
    });
  }
  // Scale the sizes so that the total is schools × studentsPerSchool.
  const sum = plans.reduce((s, p) => s + p.students, 0);
  const target = opts.schools * opts.studentsPerSchool;
  for (const p of plans) p.students = Math.max(opts.years + p.programYears, Math.round((p.students * target) / sum));
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Rows of one school.

/** COPY text lines by table; the generator appends, the loader takes and clears. */
export type Lines = Record<TableName, string[]>;
export const emptyLines = (): Lines => Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Lines;
export const rowCounts = (): Record<TableName, number> => Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<TableName, number>;

const N = '\\N';
const personName = (rng: Rng) => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
const phone = (rng: Rng) => `1${rng.int(30, 99)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

export function generateSchool(plan: SchoolPlan, opts: GeneratorOptions, ids: IdCounters, out: Lines): void {
  const rng = new Rng((opts.seed ^ Math.imul(plan.index + 1, 0x9e3779b1)) >>> 0);
  const today = opts.today;
  const todayDay = dayOf(today);
  const q = plan.q;
  const sid = plan.id;
  const sinceDay = dayOf(plan.since);

  out.schools.push(`${sid}\t${plan.name}\t${plan.regionId}\t${plan.province}\t${plan.city}\t${plan.kind}\t${plan.tier}\t${plan.rectifying ? 'rectifying' : 'partner'}\t${personName(rng)}\t${phone(rng)}\n`);

  // Agreements and their years (the facts below are placed by agreement year where the KPI is yearly).
  const years: { from: number; to: number }[] = [];
  for (const a of plan.agreements) {
    const deep = plan.tier === 'industry_college' || plan.tier === 'talent_base';
    const startDay = dayOf(a.start);
    const signed = deep ? dateOf(startDay - rng.int(20, 60)) : N;
    const plaque = plan.tier === 'industry_college' ? dateOf(startDay - rng.int(5, 15)) : N;
    const place = plan.tier === 'industry_college' ? `${plan.name}行政楼报告厅` : N;
    const inspected = deep ? a.start : N;
    const rect = a.status === 'rectifying';
    out.agreements.push(`${a.id}\t${sid}\t${a.previousId ?? N}\t${plan.tier}\t${a.status}\t${a.start}\t${a.termYears}\t${signed}\t${plaque}\t${place}\t${inspected}\t${rect ? '请在期限内提升证书人数和就业平台活跃率' : N}\t${rect ? dateOf(todayDay + rng.int(30, 120)) : N}\t${rect ? '{certificates1x,jobPlatformRate}' : N}\t${a.endedOn ?? N}\n`);
    for (let y = 1; y <= a.termYears; y++) {
      const from = dayOf(addYears(a.start, y - 1));
      if (from > todayDay) break;
      years.push({ from, to: dayOf(addYears(a.start, y)) });
    }
  }

  // Instructors and their 1+X certifications (3 years each; an expired one is often renewed).
  for (let i = 0; i < q.instructors; i++) {
    const iid = ids.instructors++;
    out.instructors.push(`${iid}\t${sid}\t${personName(rng)}\tT${String(sid).padStart(5, '0')}${String(i + 1).padStart(3, '0')}\tt${iid}@school${sid}.edu.cn\n`);
    if (!rng.chance(q.instructorCertRate)) continue;
    let from = todayDay - rng.int(200, 5 * 365);
    for (let k = 0; k < 3; k++) {
      const to = dayOf(addYears(dateOf(from), 3)) - 1;
      const cid = ids.instructor_certifications++;
      out.instructor_certifications.push(`${cid}\t${iid}\t${sid}\tICX-${String(cid).padStart(8, '0')}\t${rng.pick(['junior', 'intermediate', 'intermediate', 'senior'])}\t${dateOf(from)}\t${dateOf(to)}\n`);
      if (to >= todayDay || !rng.chance(0.85)) break;
      from = to + 1;
    }
  }

  // The school's offline CBEC B2B courses (Industry Colleges, some Talent Bases), per agreement year.
  if (q.offlinePerYear > 0) {
    for (const y of years) {
      for (let k = 0; k < q.offlinePerYear; k++) {
        const from = y.from + (k === 0 ? rng.int(0, 120) : rng.int(60, 260));
        if (from > todayDay) continue;
        const hours = rng.chance(0.05) ? 24 : rng.chance(0.8) ? 32 : 48;
        out.courses.push(`${ids.courses++}\t${sid}\toffline\tOFF-${sid}-${k + 1}\t跨境电商B2B线下实战课程${k + 1}\t${hours}\t${rng.chance(0.5) ? '秋季学期' : '春季学期'}\t${dateOf(from)}\t${dateOf(from + rng.int(60, 110))}\n`);
      }
    }
  }

  for (const c of q.requiredCourses) out.school_required_courses.push(`${sid}\t${c}\tt\n`);

  // Job fairs, per agreement year (a current year young enough may not have had one yet).
  for (const y of years) {
    const last = Math.min(y.to - 1, todayDay);
    const elapsed = last - y.from;
    let n = rng.chance(q.fairRate * Math.min(1, (elapsed + 60) / 300)) ? 1 : 0;
    if (n && rng.chance(0.3)) n++;
    for (let k = 0; k < n; k++) {
      out.job_fairs.push(`${ids.job_fairs++}\t${sid}\t${plan.name}跨境电商专场招聘会\t${dateOf(y.from + rng.int(0, Math.max(0, elapsed)))}\t${rng.int(10, 80)}\t${rng.int(100, 1500)}\n`);
    }
  }

  // Students, cohort by cohort, and what they did.
  const latestCohort = +today.slice(0, 4) - (today.slice(5) < '09-01' ? 1 : 0);
  const cohorts = opts.years + plan.programYears;
  const firstCohort = latestCohort - cohorts + 1;
  let remaining = plan.students;
  const code1x = ['1x_junior', '1x_intermediate', '1x_senior'];
  for (let c = 0; c < cohorts; c++) {
    const cohortYear = firstCohort + c;
    const size = c === cohorts - 1 ? remaining : Math.min(remaining, Math.round((plan.students / cohorts) * rng.between(0.85, 1.15)));
    remaining -= size;
    const enrolled = `${cohortYear}-09-01`;
    const enrolDay = dayOf(enrolled);
    const gradDay = dayOf(`${cohortYear + plan.programYears}-06-30`);
    for (let n = 0; n < size; n++) {
      const stId = ids.students++;
      let leftDay = -1;
      let reason = '';
      if (gradDay <= todayDay) {
        if (rng.chance(0.96)) { leftDay = gradDay; reason = 'graduated'; } else { leftDay = enrolDay + rng.int(30, gradDay - enrolDay - 30); reason = 'withdrew'; }
      } else if (todayDay - enrolDay > 60 && rng.chance(0.02)) {
        leftDay = enrolDay + rng.int(30, todayDay - enrolDay - 1);
        reason = 'withdrew';
      }
      out.students.push(`${stId}\t${sid}\t${cohortYear}${String(n + 1).padStart(5, '0')}\t${personName(rng)}\t${cohortYear}\t${enrolled}\t${leftDay < 0 ? N : dateOf(leftDay)}\t${reason || N}\t${rng.pick(MAJORS)}\n`);
      const lastDay = leftDay < 0 ? todayDay : Math.min(leftDay, todayDay);

      // Required courses of the graduates of the partnership's years.
      if (reason === 'graduated' && leftDay >= sinceDay) {
        for (const course of q.requiredCourses) {
          if (q.deliveryRate < 1 && !rng.chance(q.deliveryRate)) continue;
          out.course_completions.push(`${ids.course_completions++}\t${stId}\t${sid}\t${course}\t${dateOf(enrolDay + rng.int(60, leftDay - enrolDay - 1))}\n`);
        }
      }

      // Academic years (1 September to 30 June) within the partnership: certificates and practice.
      let firstCert = -1;
      const certDays: number[] = [];
      const practiced = rng.chance(q.practiceShare);
      for (let a = 0; a < plan.programYears; a++) {
        const ayStart = dayOf(`${cohortYear + a}-09-01`);
        const ayEnd = dayOf(`${cohortYear + a + 1}-06-30`);
        if (ayStart > todayDay) break;
        if (ayEnd < sinceDay) continue;
        const lo = Math.max(ayStart + 20, sinceDay);
        const hi = Math.min(ayEnd, lastDay);
        if (lo > hi) continue;
        if (rng.chance(q.certRate * (a === 0 ? 0.6 : 1.2))) {
          const one = rng.chance(q.share1x);
          const level = a === 0 ? 0 : a === 1 ? (rng.chance(0.6) ? 0 : 1) : rng.chance(0.7) ? 1 : 2;
          const kinds = [one ? code1x[level] : 'operator'];
          if (rng.chance(0.12)) kinds.push(one ? 'operator' : '1x_junior');
          for (const kind of kinds) {
            const day = lo + rng.int(0, hi - lo);
            const cid = ids.certificates++;
            out.certificates.push(`${cid}\t${stId}\t${sid}\t${kind}\t${kind === 'operator' ? 'OP' : '1X'}-${String(cid).padStart(9, '0')}\t${dateOf(day)}\n`);
            certDays.push(day);
            if (firstCert < 0 || day < firstCert) firstCert = day;
          }
        }
        if (practiced) {
          const span = ayEnd - ayStart - 40;
          for (let k = 0; k < q.practiceRecords; k++) {
            const day = ayStart + 25 + Math.floor((span * (k + rng.float())) / q.practiceRecords);
            if (day < lo || day > hi) continue;
            const hours = Math.round((q.practiceHours / q.practiceRecords) * rng.between(0.8, 1.2) * 2) / 2;
            const confirmed = rng.chance(q.confirmRate);
            out.practice_records.push(`${ids.practice_records++}\t${stId}\t${sid}\t${rng.pick(PRACTICE_PROJECTS)}\t${hours}\t${dateOf(day)}\t${confirmed ? 't' : 'f'}\t${confirmed ? `${dateOf(Math.min(day + 3, todayDay))} 18:00:00+08` : N}\n`);
          }
        }
      }

      // Certified students register on the job platform and apply for jobs.
      if (firstCert >= 0 && rng.chance(q.regRate)) {
        const regId = ids.job_registrations++;
        const registered = Math.min(firstCert + rng.int(0, 1), todayDay);
        const resume = rng.chance(q.resumeOk) ? rng.int(80, 100) : rng.int(40, 79);
        out.job_registrations.push(`${regId}\t${stId}\t${sid}\t${dateOf(registered)}\tcbec_${stId}\t${resume}\n`);
        for (const day of certDays) {
          if (!rng.chance(q.applyRate)) continue;
          const applied = day + rng.int(1, 3);
          if (applied <= todayDay) out.job_applications.push(`${ids.job_applications++}\t${regId}\t${stId}\t${sid}\t${dateOf(applied)}\t${rng.pick(EMPLOYERS)}\n`);
          const later = day + rng.int(21, 150);
          if (rng.chance(0.5) && later <= todayDay) out.job_applications.push(`${ids.job_applications++}\t${regId}\t${stId}\t${sid}\t${dateOf(later)}\t${rng.pick(EMPLOYERS)}\n`);
        }
      }
    }
  }
}
