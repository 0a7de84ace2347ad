import { z } from 'zod';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  allowedActions, examinableKinds, examSessionStates, examSessionTransitions, examSessionTypes, scopeOf, todayInChina,
  type ExamSessionState,
} from '@campus/common';
import type { Executor } from '../../db/client.js';
import { examSessions } from '../../db/schema/index.js';
import { queryRows } from '../../db/raw.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { schoolScopeCondition } from '../access/scope-filter.js';
import { examSessionRecord } from './exam-session-record.js';

/** Whether a session takes registrations on `today`: scheduled, and today within its window (inclusive). */
export const registrationOpenOn = (s: { status: string; registrationOpensOn: string; registrationClosesOn: string }, today: string) =>
  s.status === 'scheduled' && s.registrationOpensOn <= today && today <= s.registrationClosesOn;

interface SiteSeats { session_id: number; site_id: number; name: string; status: string; capacity: number; registered: number | string }

/** The sites of these sessions, each with the candidates registered there (all schools). */
export async function sessionSites(db: Executor, sessionIds: number[]) {
  const bySession = new Map<number, { siteId: number; name: string; status: string; capacity: number; registered: number; seatsLeft: number }[]>();
  if (!sessionIds.length) return bySession;
  const rows = await queryRows<SiteSeats>(db, sql`
    SELECT ess.session_id, s.id AS site_id, s.name, s.status, s.capacity,
           (SELECT count(*) FROM exam_candidates c WHERE c.session_id = ess.session_id AND c.site_id = s.id) AS registered
    FROM exam_session_sites ess JOIN exam_sites s ON s.id = ess.site_id
    WHERE ess.session_id IN (${sql.join(sessionIds.map((id) => sql`${id}`), sql`, `)})
    ORDER BY ess.session_id, s.name, s.id`);
  for (const r of rows) {
    const registered = Number(r.registered);
    const list = bySession.get(Number(r.session_id)) ?? bySession.set(Number(r.session_id), []).get(Number(r.session_id))!;
    list.push({ siteId: Number(r.site_id), name: r.name, status: r.status, capacity: Number(r.capacity), registered, seatsLeft: Math.max(0, Number(r.capacity) - registered) });
  }
  return bySession;
}

/** Exam sessions: every signed-in role but providers (the permissions table) reads every session. */
export const examSessionSpec: ResourceSpec = {
  name: 'exam-sessions',
  noun: 'exam session',
  record: examSessionRecord,
  table: examSessions,
  id: examSessions.id,
  scope: () => undefined,
  columns: {
    id: examSessions.id, status: examSessions.status, version: examSessions.version, title: examSessions.title,
    sessionType: examSessions.sessionType, kind: examSessions.kind, examOn: examSessions.examOn,
    registrationOpensOn: examSessions.registrationOpensOn, registrationClosesOn: examSessions.registrationClosesOn,
    resultsImportedAt: examSessions.resultsImportedAt, createdBy: examSessions.createdBy,
    createdAt: examSessions.createdAt, updatedAt: examSessions.updatedAt,
  },
  sortable: {
    id: examSessions.id, examOn: examSessions.examOn, title: examSessions.title, status: examSessions.status,
    registrationOpensOn: examSessions.registrationOpensOn, registrationClosesOn: examSessions.registrationClosesOn,
  },
  defaultSort: ['examOn', 'DESC'],
  search: [examSessions.title],
  filters: {
    status: filterDef(oneOrMany(z.enum(examSessionStates)), (v) => inArray(examSessions.status, asList(v))),
    kind: filterDef(oneOrMany(z.enum(examinableKinds)), (v) => inArray(examSessions.kind, asList(v))),
    sessionType: filterDef(z.enum(examSessionTypes), (v) => eq(examSessions.sessionType, v)),
    siteId: filterDef(idValue, (v) => sql`${examSessions.id} IN (SELECT ess.session_id FROM exam_session_sites ess WHERE ess.site_id = ${v})`),
    /** Sessions taking registrations today. */
    registrationOpen: filterDef(z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]), (v) => {
      const today = todayInChina();
      const open = and(eq(examSessions.status, 'scheduled'), sql`${examSessions.registrationOpensOn} <= ${today}`, sql`${today} <= ${examSessions.registrationClosesOn}`)!;
      return v ? open : sql`NOT (${open})`;
    }),
  },
  enrich: async (rows, actor, db) => {
    const ids = rows.map((r) => Number(r.id));
    const sites = await sessionSites(db, ids);
    const mine = ids.length ? await queryRows<{ session_id: number; n: number | string }>(db, sql`
      SELECT c.session_id, count(*) AS n FROM exam_candidates c
      WHERE c.session_id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) AND ${schoolScopeCondition(scopeOf(actor), sql`c.school_id`) ?? sql`true`}
      GROUP BY c.session_id`) : [];
    const counted = new Map(mine.map((m) => [Number(m.session_id), Number(m.n)]));
    const today = todayInChina();
    return rows.map((r) => {
      const own = sites.get(Number(r.id)) ?? [];
      return {
        ...r,
        allowedActions: allowedActions(examSessionTransitions, r.status as ExamSessionState, actor.role),
        registrationOpen: registrationOpenOn(r as { status: string; registrationOpensOn: string; registrationClosesOn: string }, today),
        siteIds: own.map((s) => s.siteId),
        sites: own,
        candidates: counted.get(Number(r.id)) ?? 0,
      };
    });
  },
};
