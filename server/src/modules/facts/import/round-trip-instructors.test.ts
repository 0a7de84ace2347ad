import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../test/test-app.js';
import { auditEvents, instructorCertifications, instructors } from '../../../db/schema/index.js';

/**
 * The instructors' export imports back unchanged (issue 17 item 3): the web writes one row per
 * certification, the staff number repeated (web/src/resources/instructors/InstructorList.tsx); the
 * import reads the rows of one staff number as one instructor, and with `?mode=upsert` updates the
 * instructor of that staff number (name, email, the certifications as a whole), previewed with
 * `?dryRun=true`.
 */
let t: TestContext;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const post = async (body: string, query = '') =>
  t.app.inject({ method: 'POST', url: `/api/instructors/import${query}`, payload: body, headers: { cookie: (await t.as('school@test.cn')).cookie, 'content-type': 'text/csv' } });
/** A CSV as the web's exporter writes it: BOM, CRLF. */
const exported = (rows: string[][]) => '\ufeff' + rows.map((r) => r.join(',')).join('\r\n');
const zhHeader = ['姓名', '工号', '邮箱', '认证编号', '认证级别', '认证有效期起', '认证有效期止', '今日有效'];

/** The school's instructors whose staff number starts with `prefix`, with their certifications. */
async function staff(prefix: string) {
  const rows = await t.database.db.select().from(instructors).where(like(instructors.staffNo, `${prefix}%`)).orderBy(instructors.staffNo);
  const certs = await t.database.db.select().from(instructorCertifications);
  return rows.map((r) => ({
    staffNo: r.staffNo, name: r.name, email: r.email,
    certs: certs.filter((c) => c.instructorId === r.id).map((c) => `${c.certNo} ${c.level} ${c.validFrom}~${c.validTo}`).sort(),
  }));
}

/** The export as the web writes it from the API's list: one row per certification (or one without), the level in words. */
async function exportOf(words: Record<string, string>, header: string[]) {
  const c = await t.as('school@test.cn');
  const list = (await c.get('/api/instructors', { filter: JSON.stringify({ q: 'RTI' }), sort: '["staffNo","ASC"]', range: '[0,99]' })).json() as {
    name: string; staffNo: string | null; email: string | null; validToday: boolean;
    certifications: { certNo: string; level: string; validFrom: string; validTo: string }[];
  }[];
  const rows = list.flatMap((i) => {
    const base = [i.name, i.staffNo ?? '', i.email ?? ''];
    const valid = i.validToday ? '今日有效' : '今日无效';
    return i.certifications.length
      ? i.certifications.map((c) => [...base, c.certNo, words[c.level] ?? c.level, c.validFrom, c.validTo, valid])
      : [[...base, '', '', '', '', valid]];
  });
  return exported([header, ...rows]);
}

describe('instructors: an export imports back', () => {
  const file = exported([
    zhHeader,
    ['王芳', 'RTI01', 'wangfang@example.edu.cn', '1X-T-0001', '高级', '2024-07-01', '2027-06-30', '今日有效'],
    ['王芳', 'RTI01', 'wangfang@example.edu.cn', '1X-T-0002', '初级', '2021-07-01', '2024-06-30', '今日有效'],
    ['李明', 'RTI02', '', '', '', '', '', '今日无效'],
  ]);

  it('reads the rows of one staff number as one instructor with all its certifications', async () => {
    const res = await post(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    expect(await staff('RTI')).toEqual([
      { staffNo: 'RTI01', name: '王芳', email: 'wangfang@example.edu.cn', certs: ['1X-T-0001 senior 2024-07-01~2027-06-30', '1X-T-0002 junior 2021-07-01~2024-06-30'] },
      { staffNo: 'RTI02', name: '李明', email: null, certs: [] },
    ]);
  });

  it('the export of the list imports back unchanged, in Chinese, in English and in codes', async () => {
    const before = await staff('RTI');
    const en = ['Name', 'Staff no.', 'Email', 'Certification no.', 'Certification level', 'Certification valid from', 'Certification valid to', 'Valid today'];
    const codes = ['name', 'staffNo', 'email', 'certNo', 'certLevel', 'certValidFrom', 'certValidTo', 'validToday'];
    for (const [words, header] of [[{ junior: '初级', intermediate: '中级', senior: '高级' }, zhHeader], [{ junior: 'Junior', intermediate: 'Intermediate', senior: 'Senior' }, en], [{}, codes]] as const) {
      const preview = await post(await exportOf(words, [...header]), '?mode=upsert&dryRun=true');
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
      expect(preview.json().rows.map((r: { row: number; outcome: string }) => [r.row, r.outcome])).toEqual([[2, 'unchanged'], [3, 'unchanged'], [4, 'unchanged']]);
    }
    const again = await post(await exportOf({ senior: '高级', junior: '初级' }, zhHeader), '?mode=upsert');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await staff('RTI')).toEqual(before);
  });

  it('updates by staff number with ?mode=upsert, previewed first: the certifications as a whole, an empty cell keeping the value', async () => {
    const changed = exported([
      zhHeader,
      ['王芳', 'RTI01', '', '1X-T-0001', '高级', '2024-07-01', '2027-06-30', ''],
      ['李明', 'RTI02', 'liming@example.edu.cn', '1X-T-0003', '中级', '2025-07-01', '2028-06-30', ''],
      ['李明', 'RTI02', 'liming@example.edu.cn', '1X-T-0004', '高级', '2025-09-01', '2028-08-31', ''],
    ]);
    const preview = await post(changed, '?mode=upsert&dryRun=true');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ created: 0, updated: 2, unchanged: 0, rejected: 0 });
    expect(preview.json().rows).toEqual(expect.arrayContaining([
      { row: 2, outcome: 'updated', changes: ['certifications'] },
      { row: 3, outcome: 'updated', changes: ['email', 'certifications'] },
      { row: 4, outcome: 'updated', changes: ['email', 'certifications'] },
    ]));
    const [wang] = await staff('RTI01');
    expect(wang.certs).toHaveLength(2); // the preview changed nothing

    const res = await post(changed, '?mode=upsert');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(await staff('RTI')).toEqual([
      { staffNo: 'RTI01', name: '王芳', email: 'wangfang@example.edu.cn', certs: ['1X-T-0001 senior 2024-07-01~2027-06-30'] },
      { staffNo: 'RTI02', name: '李明', email: 'liming@example.edu.cn', certs: ['1X-T-0003 intermediate 2025-07-01~2028-06-30', '1X-T-0004 senior 2025-09-01~2028-08-31'] },
    ]);
    const [li] = await t.database.db.select().from(instructors).where(eq(instructors.staffNo, 'RTI02'));
    const edits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'instructor'), eq(auditEvents.entityId, li.id)));
    expect(edits.length).toBeGreaterThanOrEqual(1);
  });

  it('without ?mode=upsert a recorded staff number is refused; an incomplete certification is reported once, on its row', async () => {
    const res = await post(exported([
      zhHeader,
      ['王芳', 'RTI01', '', '', '', '', '', ''],
      ['赵雷', 'RTI09', '', '1X-T-0009', '', '2024-07-01', '', ''],
    ]), '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { row: number; outcome: string; problems?: { field: string; code: string }[] }[];
    expect(rows.find((r) => r.row === 2)).toMatchObject({ outcome: 'rejected', problems: [{ field: 'staffNo', code: 'duplicate_in_database' }] });
    expect(rows.find((r) => r.row === 3)).toMatchObject({ outcome: 'rejected', problems: [{ field: 'certNo', code: 'certification_incomplete' }] });
  });
});
