import * as s from '@campus/server/db/schema/index.js';
import type { CertificateKind, Tier } from '@campus/server/db/schema/index.js';
import type { Context, Policy } from './demo-context.js';
import { personName } from './demo-context.js';
import {
  EMPLOYER_WORDS, MAJORS, OFFLINE_COURSES, PRACTICE_PROJECTS, SHORT_OFFLINE_COURSES,
  type FactSpec, type SchoolSpec,
} from './demo-data.js';
import type { KpiName, SchoolFacts } from './kpi.js';
import { addDaysTo, addYearsTo, dateOf, dayOf, daysBetween, yearOf } from './lib/dates.js';
import type { Random } from './lib/random.js';

export type Failure = KpiName | 'certificates';

/** One agreement year of a school, cut at today (end is exclusive, like to). */
export interface FactWindow {
  agreementId: number;
  tier: Tier;
  policy: Policy;
  year: number;
  from: string;
  to: string;
  end: string;
  current: boolean;
  /** What the school does badly in this year (see demo-data.ts); empty for most years. */
  fails: Failure[];
}

export interface Instructor { id: number; name: string; certNo: string; level: 'junior' | 'intermediate' | 'senior' }

interface Student { id: number; studentNo: string; enrolledOn: string; leftOn: string | null; leftReason: 'graduated' | 'withdrew' | null }

/** The courses each tier's plan requires; the platform training is always one of them. */
export const REQUIRED_COURSES: Record<Tier, string[]> = {
  industry_college: ['TXT-1X-J1', 'TXT-1X-J2', 'TXT-1X-I1', 'TXT-1X-I2', 'ONL-1X-INTERMEDIATE', 'PLT-B2B-SIM'],
  talent_base: ['TXT-1X-J1', 'TXT-1X-I1', 'ONL-1X-INTERMEDIATE', 'PLT-B2B-SIM'],
  pilot_1x: ['TXT-1X-J1', 'TXT-1X-J2', 'ONL-1X-INTERMEDIATE', 'PLT-B2B-SIM'],
  partner_school: ['ONL-OPERATOR', 'PLT-B2B-SIM'],
};

/** When in a three-year programme each course is usually completed, in days after enrolment. */
const COMPLETION_OFFSET: Record<string, number> = {
  'ONL-OPERATOR': 100, 'TXT-1X-J1': 130, 'TXT-1X-J2': 295, 'TXT-1X-I1': 495, 'ONL-1X-INTERMEDIATE': 620,
  'TXT-1X-I2': 660, 'PLT-B2B-SIM': 840,
};

const SKILL_KINDS: CertificateKind[] = ['gold_operator', 'data_advisor', 'crm_xiaoman', 'live_host'];
const NEXT_1X: Record<string, CertificateKind | null> = { none: '1x_junior', '1x_junior': '1x_intermediate', '1x_intermediate': '1x_senior', '1x_senior': null };
const LEVEL_CODE: Record<string, string> = { '1x_junior': 'J', '1x_intermediate': 'I', '1x_senior': 'S' };

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const randomDay = (rng: Random, from: string, to: string) => dateOf(rng.int(dayOf(from), dayOf(to)));
const minDate = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).sort()[0];
const maxDate = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).sort().at(-1)!;

/**
 * Records a school's facts for its agreement years: instructors, offline and required courses,
 * students with completions, certificates, practice, job-platform activity and job fairs. The
 * volumes are set so that each KPI is met with a margin, except the one the school is meant to
 * fail; the current year is recorded "front-loaded" (its averages and ratios already meet the
 * thresholds today, and its counts at least meet them) so that the compliant schools read
 * compliant whichever way the current year is judged.
 */
export function recordFacts(ctx: Context, school: { id: number; index: number; spec: SchoolSpec; providerId: number | null }, windows: FactWindow[], rng: Random): { facts: SchoolFacts; instructors: Instructor[] } {
  const { rows, today } = ctx;
  const spec = school.spec.facts!;
  const live = windows.at(-1)!;
  const historyStart = windows[0].from;
  const facts: SchoolFacts = {
    instructorCertifications: [], offlineCourses: [], requiredCourseIds: [], students: [], completions: [], certificates: [],
    practice: [], registrations: [], jobApplications: [], jobFairs: [],
  };

  // Instructors: the tier's minimum plus two, one of whom let the certification lapse; or, for the
  // school failing the instructor KPI, three of whom one lapsed forty days ago.
  const instructors: Instructor[] = [];
  const needed = live.policy.certifiedInstructors ?? 1;
  const failsInstructors = spec.fails === 'certifiedInstructors';
  const count = failsInstructors ? 3 : needed + 2;
  for (let i = 0; i < count; i++) {
    const id = ctx.ids.take(s.instructors);
    const name = personName(rng);
    const level = rng.pick(['intermediate', 'intermediate', 'senior', 'junior'] as const);
    rows.instructors.push({ id, schoolId: school.id, name, staffNo: `T${pad(school.index, 2)}${pad(i + 1, 3)}`, email: null });
    const lapsed = i === count - 1;
    let validFrom: string;
    if (failsInstructors && lapsed) validFrom = addDaysTo(addYearsTo(addDaysTo(today, -40), -3), 1);
    else if (lapsed) validFrom = addDaysTo(addYearsTo(historyStart, -3), rng.int(120, 300));
    else validFrom = addDaysTo(historyStart, -rng.int(30, 700));
    let first = '';
    for (;;) {
      const validTo = addDaysTo(addYearsTo(validFrom, 3), -1);
      const certNo = `1XJS${yearOf(validFrom)}${pad(++ctx.serial.value, 6)}`;
      if (!first) first = certNo;
      rows.instructorCertifications.push({ instructorId: id, schoolId: school.id, certNo, level, validFrom, validTo });
      facts.instructorCertifications.push({ instructorId: id, validFrom, validTo });
      if (lapsed || validTo >= today) break;
      validFrom = addDaysTo(validTo, 1);
    }
    instructors.push({ id, name, certNo: first, level });
  }

  // The courses the plan requires (the live tier's), and the school's own offline courses.
  const required = REQUIRED_COURSES[live.tier].map((code) => ({ code, id: ctx.catalogue[code] }));
  for (const c of required) rows.requiredCourses.push({ schoolId: school.id, courseId: c.id, required: true });
  facts.requiredCourseIds = required.map((c) => c.id);
  recordOfflineCourses(ctx, school.id, live, windows, rng, facts);

  // Students: every cohort that is still enrolled at some point of the agreement years.
  const length = school.spec.kind === 'university' ? 4 : 3;
  const firstCohort = yearOf(historyStart) - length + (historyStart > `${yearOf(historyStart)}-06-30` ? 1 : 0);
  const lastCohort = today >= `${yearOf(today)}-09-01` ? yearOf(today) : yearOf(today) - 1;
  const students: Student[] = [];
  for (let cohort = firstCohort; cohort <= lastCohort; cohort++) {
    const n = Math.round(spec.cohortSize * (0.92 + 0.16 * rng.float()));
    const enrolledOn = `${cohort}-09-01`;
    const graduation = `${cohort + length}-06-30`;
    for (let i = 0; i < n; i++) {
      let leftOn: string | null = null;
      let leftReason: Student['leftReason'] = null;
      const lastChance = minDate(addDaysTo(graduation, -20), addDaysTo(today, -1));
      if (rng.chance(0.025) && lastChance > addDaysTo(enrolledOn, 45)) {
        leftOn = randomDay(rng, addDaysTo(enrolledOn, 45), lastChance);
        leftReason = 'withdrew';
      } else if (graduation <= today) {
        leftOn = graduation;
        leftReason = 'graduated';
      }
      const student: Student = { id: ctx.ids.take(s.students), studentNo: `${cohort}${pad(school.index, 2)}${pad(i + 1, 4)}`, enrolledOn, leftOn, leftReason };
      students.push(student);
      rows.students.push({
        id: student.id, schoolId: school.id, studentNo: student.studentNo, name: personName(rng),
        cohortYear: cohort, enrolledOn, leftOn, leftReason, major: rng.chance(0.7) ? MAJORS[0] : rng.pick(MAJORS),
      });
      facts.students.push({ id: student.id, enrolledOn, leftOn, leftReason });
    }
  }

  recordCompletions(ctx, school.id, students, required, live, windows, rng, facts);
  const enrolledIn = (w: FactWindow) => students.filter((st) => st.enrolledOn < w.end && (st.leftOn === null || st.leftOn >= w.from));
  for (const w of windows) {
    const enrolled = enrolledIn(w);
    recordPractice(ctx, school, w, enrolled, spec, rng, facts);
    recordCertificates(ctx, school.id, w, enrolled, spec, rng, facts);
  }
  recordJobPlatform(ctx, school.id, windows, students, rng, facts);
  for (const w of windows) recordJobFairs(ctx, school.id, school.spec, w, rng, facts);
  return { facts, instructors };
}

function recordOfflineCourses(ctx: Context, schoolId: number, live: FactWindow, windows: FactWindow[], rng: Random, facts: SchoolFacts) {
  if (live.tier !== 'industry_college' && live.tier !== 'talent_base') return;
  const historyStart = windows[0].from;
  const current = windows.find((w) => w.current);
  let k = rng.int(0, OFFLINE_COURSES.length - 1);
  let longThisYear = false;
  for (let y = yearOf(historyStart) - 1; y <= yearOf(ctx.today); y++) {
    const semesters = [
      { from: addDaysTo(`${y}-03-01`, rng.int(-3, 5)), to: `${y}-07-05`, term: `${y - 1}-${y}-2`, spring: true },
      { from: addDaysTo(`${y}-09-01`, rng.int(0, 7)), to: `${y + 1}-01-15`, term: `${y}-${y + 1}-1`, spring: false },
    ];
    for (const sem of semesters) {
      if (sem.to < historyStart || sem.from > ctx.today) continue;
      let offered: { title: string; classHours: number }[];
      if (live.tier === 'talent_base') {
        offered = sem.spring ? [] : [OFFLINE_COURSES[k++ % OFFLINE_COURSES.length]];
      } else if (current?.fails.includes('offlineCourses') && sem.to >= current.from) {
        // This year the school ran one full-length course and otherwise short electives only.
        offered = longThisYear ? [SHORT_OFFLINE_COURSES[1]] : [OFFLINE_COURSES[k++ % OFFLINE_COURSES.length], SHORT_OFFLINE_COURSES[0]];
        longThisYear = true;
      } else {
        offered = [OFFLINE_COURSES[k++ % OFFLINE_COURSES.length], OFFLINE_COURSES[k++ % OFFLINE_COURSES.length]];
        if (rng.chance(0.3)) offered.push(rng.pick(SHORT_OFFLINE_COURSES));
      }
      for (const c of offered) {
        ctx.rows.courses.push({
          schoolId, kind: 'offline', code: null, title: c.title, level: null, chapters: null,
          classHours: c.classHours, practiceHours: Math.round(c.classHours / 2), onlineHours: null, term: sem.term, taughtFrom: sem.from, taughtTo: sem.to,
        });
        facts.offlineCourses.push({ classHours: c.classHours, taughtFrom: sem.from, taughtTo: sem.to });
      }
    }
  }
}

function recordCompletions(ctx: Context, schoolId: number, students: Student[], required: { code: string; id: number }[], live: FactWindow, windows: FactWindow[], rng: Random, facts: SchoolFacts) {
  const current = windows.find((w) => w.current);
  const strict = live.policy.teachingDelivery !== null;
  for (const st of students) {
    const until = minDate(st.leftOn && st.leftReason === 'withdrew' ? addDaysTo(st.leftOn, -1) : null, ctx.today)!;
    // The school failing teaching delivery: a tenth of this year's graduates never did the platform training.
    const skipsTraining = current?.fails.includes('teachingDelivery') && st.leftReason === 'graduated' && st.leftOn! >= current.from && rng.chance(0.1);
    // Where delivery has no threshold, a few graduates missed a course.
    const skips = !strict && st.leftReason === 'graduated' && rng.chance(0.05) ? rng.pick(required).code : null;
    for (const c of required) {
      if ((skipsTraining && c.code === 'PLT-B2B-SIM') || c.code === skips) continue;
      let on = addDaysTo(st.enrolledOn, COMPLETION_OFFSET[c.code] + rng.int(0, 12));
      if (st.leftReason === 'graduated' && on > st.leftOn!) on = addDaysTo(st.leftOn!, -rng.int(5, 20));
      if (on > until) continue;
      ctx.rows.completions.push({ studentId: st.id, schoolId, courseId: c.id, completedOn: on });
      facts.completions.push({ studentId: st.id, courseId: c.id });
    }
  }
}

function recordPractice(ctx: Context, school: { id: number; providerId: number | null }, w: FactWindow, enrolled: Student[], spec: FactSpec, rng: Random, facts: SchoolFacts) {
  const range = spec.practice;
  if (!range) return;
  const projects = rng.sample(PRACTICE_PROJECTS, 3);
  const last = addDaysTo(w.end, -1);
  for (const st of enrolled) {
    const from = maxDate(w.from, st.enrolledOn);
    const to = minDate(last, st.leftOn);
    if (to < from) continue;
    // A year short of practice: about two thirds of the usual hours (well under 160 a student).
    let hours = w.fails.includes('practiceHours') ? Math.round(rng.int(range[0], range[1]) * 0.6) : rng.int(range[0], range[1]);
    if (st.leftReason === 'withdrew' && st.leftOn! <= last) hours = Math.round(hours * 0.3);
    const project = rng.pick(projects);
    while (hours > 0) {
      const h = Math.min(hours, rng.int(21, 24));
      hours -= h;
      const on = randomDay(rng, from, to);
      const recent = daysBetween(on, ctx.today) < 10;
      const confirmed = recent ? rng.chance(0.7) : rng.chance(0.995);
      ctx.rows.practice.push({
        studentId: st.id, schoolId: school.id, providerId: school.providerId, providerReportId: null,
        project, hours: h, practicedOn: on, confirmed, confirmedAt: confirmed ? new Date(`${minDate(addDaysTo(on, 3), ctx.today)}T18:00:00+08:00`) : null,
      });
      facts.practice.push({ studentId: st.id, hours: h, practicedOn: on, confirmed });
    }
  }
}

function recordCertificates(ctx: Context, schoolId: number, w: FactWindow, enrolled: Student[], spec: FactSpec, rng: Random, facts: SchoolFacts) {
  const last = addDaysTo(w.end, -1);
  const span = daysBetween(w.from, w.to);
  const share = Math.min(1, (daysBetween(w.from, w.end)) / span);
  const p = w.policy;
  let n1x = Math.round(spec.certificates1x * share * (0.96 + 0.1 * rng.float()));
  let nOp = Math.round(spec.certificatesOperator * share * (0.96 + 0.1 * rng.float()));
  if (w.fails.includes('certificates')) {
    n1x = Math.round((p.certificates1x ?? 40) * 0.45 * share);
    nOp = Math.round((p.certificatesOperator ?? 60) * 0.45 * share);
  } else if (p.certificates1x !== null && spec.certificates1x >= p.certificates1x) {
    n1x = Math.max(n1x, Math.ceil(p.certificates1x * 1.06));
  } else if (p.certificatesOperator !== null && spec.certificatesOperator >= p.certificatesOperator) {
    nOp = Math.max(nOp, Math.ceil(p.certificatesOperator * 1.06));
  }

  const held1x = new Map<number, string>();
  const hasOperator = new Set<number>();
  for (const c of facts.certificates) {
    if (c.kind.startsWith('1x_') && (held1x.get(c.studentId) ?? '') < c.kind) held1x.set(c.studentId, c.kind);
    if (c.kind === 'operator') hasOperator.add(c.studentId);
  }
  const issue = (st: Student, kind: CertificateKind, earliest: string) => {
    const on = randomDay(rng, maxDate(w.from, earliest), minDate(last, st.leftOn ? addDaysTo(st.leftOn, -1) : null));
    const serial = ++ctx.serial.value;
    const certNo = kind.startsWith('1x_') ? `1X${LEVEL_CODE[kind]}${yearOf(on)}${pad(serial, 7)}`
      : kind === 'operator' ? `ALIOP${on.replaceAll('-', '')}${pad(serial, 6)}` : `ALISK${yearOf(on)}${pad(serial, 7)}`;
    ctx.rows.certificates.push({ studentId: st.id, schoolId, kind, certNo, issuedOn: on });
    facts.certificates.push({ studentId: st.id, kind, issuedOn: on });
  };
  const canSit = (st: Student, after: number) => {
    const earliest = maxDate(w.from, addDaysTo(st.enrolledOn, after));
    return earliest <= minDate(last, st.leftOn ? addDaysTo(st.leftOn, -1) : null);
  };

  // 1+X: first-timers (junior) before students moving up a level.
  const eligible1x = enrolled.filter((st) => canSit(st, 240) && NEXT_1X[held1x.get(st.id) ?? 'none'] !== null);
  const first = rng.shuffle(eligible1x.filter((st) => !held1x.has(st.id)));
  const again = rng.shuffle(eligible1x.filter((st) => held1x.has(st.id)));
  for (const st of [...first, ...again].slice(0, n1x)) issue(st, NEXT_1X[held1x.get(st.id) ?? 'none']!, addDaysTo(st.enrolledOn, 240));
  const eligibleOp = rng.shuffle(enrolled.filter((st) => !hasOperator.has(st.id) && canSit(st, 60)));
  for (const st of eligibleOp.slice(0, nOp)) issue(st, 'operator', addDaysTo(st.enrolledOn, 60));
  for (const st of rng.sample(enrolled.filter((x) => canSit(x, 120)), Math.round(enrolled.length * 0.04))) issue(st, rng.pick(SKILL_KINDS), addDaysTo(st.enrolledOn, 120));
}

function recordJobPlatform(ctx: Context, schoolId: number, windows: FactWindow[], students: Student[], rng: Random, facts: SchoolFacts) {
  const byId = new Map(students.map((st) => [st.id, st]));
  const registrations = new Map<number, { id: number; registeredOn: string; resume: number }>();
  const register = (st: Student, before: string, resume: number) => {
    const existing = registrations.get(st.id);
    if (existing) return existing;
    const r = { id: ctx.ids.take(s.jobRegistrations), registeredOn: maxDate(st.enrolledOn, addDaysTo(before, -rng.int(0, 90))), resume };
    registrations.set(st.id, r);
    return r;
  };
  const employer = () => `${rng.pick(['义乌', '宁波', '深圳', '广州', '杭州', '苏州', '青岛', '厦门'])}${rng.pick(EMPLOYER_WORDS.brand)}${rng.pick(EMPLOYER_WORDS.trade)}`;
  const apply = (st: Student, regId: number, from: string, to: string, n: number) => {
    for (let i = 0; i < n; i++) {
      const on = randomDay(rng, from, to);
      ctx.rows.jobApplications.push({ registrationId: regId, studentId: st.id, schoolId, appliedOn: on, employer: employer() });
      facts.jobApplications.push({ studentId: st.id, appliedOn: on });
    }
  };

  const certifiedBefore = new Set<number>();
  for (const w of windows) {
    const last = addDaysTo(w.end, -1);
    const firstCert = new Map<number, string>();
    for (const c of facts.certificates) {
      if ((c.kind.startsWith('1x_') || c.kind === 'operator') && c.issuedOn >= w.from && c.issuedOn <= last) {
        if ((firstCert.get(c.studentId) ?? '9999') > c.issuedOn) firstCert.set(c.studentId, c.issuedOn);
      }
    }
    const certified = [...firstCert.keys()];
    const rate = w.fails.includes('jobPlatformRate') ? 0.2 : w.policy.jobPlatformRate === null ? 0.1 : 0.02;
    const inactive = new Set(rng.sample(certified, Math.floor(certified.length * rate)));
    for (const id of certified) {
      const st = byId.get(id)!;
      const certOn = firstCert.get(id)!;
      const lowResume = inactive.has(id) && w.fails.includes('jobPlatformRate') && !certifiedBefore.has(id) && rng.chance(0.5);
      const reg = register(st, certOn, lowResume ? rng.int(45, 78) : rng.int(80, 100));
      if (!inactive.has(id)) apply(st, reg.id, certOn, minDate(last, addDaysTo(certOn, 120))!, rng.int(1, 3));
    }
    for (const id of certified) certifiedBefore.add(id);
  }
  // Graduates without a certificate who looked for work on the platform anyway.
  for (const st of students) {
    if (registrations.has(st.id) || st.leftReason !== 'graduated' || !rng.chance(0.4)) continue;
    const reg = register(st, addDaysTo(st.leftOn!, -60), rng.int(40, 100));
    if (rng.chance(0.6)) apply(st, reg.id, addDaysTo(st.leftOn!, -90), minDate(addDaysTo(st.leftOn!, 60), ctx.today)!, rng.int(1, 2));
  }
  for (const [studentId, r] of registrations) {
    const st = byId.get(studentId)!;
    ctx.rows.jobRegistrations.push({
      id: r.id, studentId, schoolId, registeredOn: r.registeredOn, platformAccount: `talent_${st.studentNo}`, resumeCompleteness: r.resume,
    });
    facts.registrations.push({ studentId, registeredOn: r.registeredOn, resumeCompleteness: r.resume });
  }
}

function recordJobFairs(ctx: Context, schoolId: number, spec: SchoolSpec, w: FactWindow, rng: Random, facts: SchoolFacts) {
  if (w.fails.includes('jobFairs')) return;
  const required = w.policy.jobFairs !== null;
  if (!required && !rng.chance(0.4)) return;
  const latest = addDaysTo(minDate(w.end, ctx.today)!, -4);
  const earliest = addDaysTo(w.from, 10);
  if (latest < earliest) return;
  const n = w.current ? 1 : rng.int(1, 2);
  const short = spec.name.replace(/(职业技术大学|职业技术学院|职业学院|职业大学|大学|学院)$/, '');
  for (let i = 0; i < n; i++) {
    const heldOn = randomDay(rng, earliest, latest);
    const month = +heldOn.slice(5, 7);
    const title = rng.chance(0.5)
      ? `${short}${yearOf(heldOn)}年${month <= 6 ? '春季' : '秋季'}跨境电商人才专场招聘会`
      : `阿里巴巴国际站生态企业校园双选会（${short}，${yearOf(heldOn)}）`;
    ctx.rows.jobFairs.push({ schoolId, title, heldOn, employers: rng.int(18, 80), attendance: rng.int(150, 900) });
    facts.jobFairs.push({ heldOn });
  }
}
