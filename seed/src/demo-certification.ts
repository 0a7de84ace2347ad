import * as s from '@campus/server/db/schema/index.js';
import type { Context } from './demo-context.js';
import type { SchoolState } from './demo-workflow.js';
import { Random } from './lib/random.js';
import { addDaysTo, instant, yearOf } from './lib/dates.js';

/**
 * The certification loop in the demo (issue 18): exam sites at two schools and a venue, one more proposed and waiting
 * for HQ; a 1+X junior session of about three months ago whose results were published (its passing candidates' demo
 * certificates are the ones it issued, so they are verified), a 1+X intermediate session whose registration HQ has
 * closed and whose results wait to be imported, and an Operator session open for registration now.
 * Runs after the schools' facts are recorded and before their workflow, whose KPI snapshots read the facts.
 */
export function recordCertification(ctx: Context, schools: SchoolState[]): void {
  const { rows, today } = ctx;
  const rng = new Random('campus-partner-demo-certification');
  const hq = ctx.hq[0];
  const byKey = new Map(schools.map((school) => [school.spec.key, school]));
  const east = byKey.get('zjfc');
  const south = byKey.get('gzpyp');
  if (!east?.facts || !south?.facts) return;
  // Every certificate row names its status (the bulk insert takes its columns from the rows, not from the defaults).
  for (const c of rows.certificates) c.status ??= 'claimed';

  const site = (fields: { name: string; school?: SchoolState; regionId: number; address: string; capacity: number; kinds: string[]; status: 'approved' | 'proposed'; proposedOn: string }) => {
    const id = ctx.ids.take(s.examSites);
    rows.examSites.push({
      id, name: fields.name, schoolId: fields.school?.id ?? null, regionId: fields.regionId, address: fields.address,
      capacity: fields.capacity, kinds: fields.kinds, contactName: fields.school ? '考务办公室' : '培训中心考务组',
      contactPhone: `0571${String(rng.int(1_000_000, 9_999_999))}`, status: fields.status,
      decidedBy: fields.status === 'approved' ? hq : null, decidedAt: fields.status === 'approved' ? instant(addDaysTo(fields.proposedOn, 9), 15) : null,
      createdBy: fields.school?.adminId ?? hq, createdAt: instant(fields.proposedOn, 10), updatedAt: instant(fields.status === 'approved' ? addDaysTo(fields.proposedOn, 9) : fields.proposedOn, 15),
    });
    return id;
  };
  const allKinds = ['1x_junior', '1x_intermediate', '1x_senior', 'operator'];
  const eastSite = site({ name: `${east.spec.name}考点`, school: east, regionId: ctx.regionIds[east.region], address: `${east.spec.city}市 ${east.spec.name} 实训楼`, capacity: 120, kinds: allKinds, status: 'approved', proposedOn: addDaysTo(today, -420) });
  const southSite = site({ name: `${south.spec.name}考点`, school: south, regionId: ctx.regionIds[south.region], address: `${south.spec.city}市 ${south.spec.name} 信息楼`, capacity: 80, kinds: ['1x_junior', '1x_intermediate', 'operator'], status: 'approved', proposedOn: addDaysTo(today, -400) });
  const venue = site({ name: '杭州跨境电商综试区培训中心考点', regionId: ctx.regionIds.east, address: '杭州市滨江区网商路 699 号', capacity: 200, kinds: allKinds, status: 'approved', proposedOn: addDaysTo(today, -300) });
  const waiting = byKey.get('ywu');
  if (waiting) site({ name: `${waiting.spec.name}考点`, school: waiting, regionId: ctx.regionIds[waiting.region], address: `${waiting.spec.city}市 ${waiting.spec.name} 图书馆三楼`, capacity: 60, kinds: ['1x_junior', '1x_intermediate'], status: 'proposed', proposedOn: addDaysTo(today, -6) });

  const session = (fields: { title: string; kind: string; examOn: string; opens: string; closes: string; status: 'results_published' | 'closed' | 'scheduled'; siteIds: number[] }) => {
    const id = ctx.ids.take(s.examSessions);
    const created = addDaysTo(fields.opens, -14);
    rows.examSessions.push({
      id, title: fields.title, sessionType: 'unified', kind: fields.kind, examOn: fields.examOn, registrationOpensOn: fields.opens,
      registrationClosesOn: fields.closes, status: fields.status, createdBy: hq, createdAt: instant(created, 11),
      resultsImportedAt: fields.status === 'results_published' ? instant(addDaysTo(fields.examOn, 12), 16) : null,
      updatedAt: instant(fields.status === 'scheduled' ? created : fields.status === 'closed' ? addDaysTo(fields.closes, 1) : addDaysTo(fields.examOn, 12), 16),
    });
    for (const siteId of fields.siteIds) rows.examSessionSites.push({ sessionId: id, siteId });
    return id;
  };
  const studentsOf = (school: SchoolState, on: string) => rows.students.filter((st) => st.schoolId === school.id && st.enrolledOn <= on && (!st.leftOn || st.leftOn > on));

  // A published 1+X junior session: its passing candidates hold the certificates it issued (verified), a few failed or were absent.
  const examOn = addDaysTo(today, -100);
  const published = session({ title: '1+X 跨境电商B2B数据运营（初级）统考', kind: '1x_junior', examOn, opens: addDaysTo(examOn, -50), closes: addDaysTo(examOn, -15), status: 'results_published', siteIds: [eastSite, southSite] });
  for (const [school, siteId, seats] of [[east, eastSite, 120], [south, southSite, 80]] as const) {
    const issued = rows.certificates.filter((c) => c.schoolId === school.id && c.kind === '1x_junior' && c.issuedOn >= addDaysTo(examOn, 7) && c.issuedOn <= addDaysTo(examOn, 60)).slice(0, seats - 6);
    const passed = new Set(issued.map((c) => c.studentId));
    for (const c of issued) {
      c.status = 'verified';
      c.verifiedAt = instant(c.issuedOn, 12);
      const fact = school.facts!.certificates.find((f) => f.studentId === c.studentId && f.kind === c.kind && f.issuedOn === c.issuedOn && !f.status);
      if (fact) fact.status = 'verified';
      rows.examCandidates.push({
        sessionId: published, siteId, studentId: c.studentId, schoolId: school.id, registeredBy: school.adminId,
        theoryScore: rng.int(120, 190) / 2, practiceScore: rng.int(120, 196) / 2, result: 'passed', certNo: c.certNo,
        resultRecordedAt: instant(addDaysTo(examOn, 12), 16), createdAt: instant(addDaysTo(examOn, -30), 10),
      });
    }
    const others = rng.shuffle(studentsOf(school, examOn).filter((st) => !passed.has(st.id!))).slice(0, 5);
    others.forEach((st, i) => rows.examCandidates.push({
      sessionId: published, siteId, studentId: st.id!, schoolId: school.id, registeredBy: school.adminId,
      theoryScore: i === 0 ? null : rng.int(40, 110) / 2, practiceScore: i === 0 ? null : rng.int(40, 110) / 2, result: i === 0 ? 'absent' : 'failed',
      resultRecordedAt: instant(addDaysTo(examOn, 12), 16), createdAt: instant(addDaysTo(examOn, -30), 10),
    }));
  }

  // Registration closed, results not yet imported (HQ's next step in the demo).
  const closedExam = addDaysTo(today, -5);
  const closed = session({ title: '1+X 跨境电商B2B数据运营（中级）统考', kind: '1x_intermediate', examOn: closedExam, opens: addDaysTo(closedExam, -40), closes: addDaysTo(closedExam, -12), status: 'closed', siteIds: [eastSite] });
  for (const st of rng.shuffle(studentsOf(east, closedExam)).slice(0, 8)) {
    rows.examCandidates.push({ sessionId: closed, siteId: eastSite, studentId: st.id!, schoolId: east.id, registeredBy: east.adminId, createdAt: instant(addDaysTo(closedExam, -20), 10) });
  }

  // Open for registration now.
  const openExam = addDaysTo(today, 35);
  const open = session({ title: '阿里巴巴国际站操盘官认证统考', kind: 'operator', examOn: openExam, opens: addDaysTo(today, -3), closes: addDaysTo(today, 25), status: 'scheduled', siteIds: [eastSite, southSite, venue] });
  for (const st of rng.shuffle(studentsOf(east, today)).slice(0, 5)) {
    rows.examCandidates.push({ sessionId: open, siteId: eastSite, studentId: st.id!, schoolId: east.id, registeredBy: east.adminId, createdAt: instant(addDaysTo(today, -2), 10) });
  }
}

const LEVEL_ZH = { junior: '初级', intermediate: '中级', senior: '高级' } as const;

/**
 * Instructor trainings (师资培训) in the demo: at each of the two schools with exam sites, the renewal of its latest
 * renewed 1+X instructor certification is told as the pass of a training that ended the day it began (36 months, as
 * the demo's certifications run), beside two of its colleagues who did not pass. The certifications are the demo's
 * own, so the instructor KPI is what it was; the participants' links to them are set after the insert (demo.ts).
 */
export function recordInstructorTrainings(ctx: Context, schools: SchoolState[]): void {
  const { rows } = ctx;
  const hq = ctx.hq[0];
  for (const key of ['zjfc', 'gzpyp']) {
    const school = schools.find((x) => x.spec.key === key);
    if (!school) continue;
    const certs = rows.instructorCertifications.filter((c) => c.schoolId === school.id);
    const renewal = certs.filter((c) => certs.some((o) => o.instructorId === c.instructorId && o.validFrom < c.validFrom))
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
    if (!renewal) continue;
    const level = renewal.level as keyof typeof LEVEL_ZH;
    const id = ctx.ids.take(s.instructorTrainings);
    const startsOn = addDaysTo(renewal.validFrom, -4);
    rows.instructorTrainings.push({
      id, title: `${yearOf(renewal.validFrom)}年1+X师资培训（${LEVEL_ZH[level]}）`, level, startsOn, endsOn: renewal.validFrom,
      location: school.spec.city, validityMonths: 36, createdBy: hq, createdAt: instant(addDaysTo(startsOn, -30), 10), updatedAt: instant(renewal.validFrom, 17),
    });
    rows.instructorTrainingParticipants.push({ trainingId: id, instructorId: renewal.instructorId, schoolId: school.id, passed: true, score: 88, recordedBy: hq, createdAt: instant(renewal.validFrom, 17) });
    const others = school.instructors.filter((i) => i.id !== renewal.instructorId).slice(0, 2);
    others.forEach((i, n) => rows.instructorTrainingParticipants.push({ trainingId: id, instructorId: i.id, schoolId: school.id, passed: false, score: 52 + n * 5, recordedBy: hq, createdAt: instant(renewal.validFrom, 17) }));
  }
}
