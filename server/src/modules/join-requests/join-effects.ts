import { eq } from 'drizzle-orm';
import { schools, type joinRequests } from '../../db/schema/index.js';
import { createSchool } from '../schools/create-school.js';
import { inviteUser } from '../users/invite-user.js';
import { enqueueMail } from '../mail/enqueue-mail.js';
import type { Effects, TransitionRun } from '../workflow/effects.js';
import type { JoinActionInput } from './join-request-input.js';
import { joinDeclinedMail } from './join-mail.js';

export type JoinRequestRow = typeof joinRequests.$inferSelect;
export type JoinRun = TransitionRun<JoinRequestRow, JoinActionInput>;

/** The effects of joinRequestTransitions, by the names its rows give them. */
export const joinRequestEffects: Effects<JoinRun> = {
  /** The school of the request: the directory's school of that name if there is one (linked), else a new one. */
  createSchool: {
    before: async (r) => {
      const [existing] = await r.tx.select({ id: schools.id }).from(schools).where(eq(schools.name, r.row.schoolName));
      const schoolId = existing?.id ?? (await createSchool(r.tx, {
        name: r.row.schoolName, province: r.row.province, kind: r.row.kind as 'university' | 'vocational',
        contactName: r.row.contactName, contactEmail: r.row.email, contactPhone: r.row.phone,
      }, r.actor, { via: 'join_request', sourceId: r.row.id })).id;
      Object.assign(r.set, { schoolId });
      Object.assign(r.data, { schoolId, schoolCreated: !existing });
      r.result.schoolId = schoolId;
    },
  },
  /** The requester becomes the school's administrator: an account without a password, and the invitation mail. */
  inviteAdministrator: {
    before: async (r) => {
      const { user } = await inviteUser(r.tx, { email: r.row.email, name: r.row.contactName, role: 'school', schoolId: r.set.schoolId as number, locale: r.row.locale }, r.actor);
      Object.assign(r.set, { invitedUserId: user.id });
      Object.assign(r.data, { userId: user.id });
    },
  },
  /** The reason is kept on the request and is the audit event's comment. */
  recordReason: {
    before: (r) => {
      const reason = r.input.reason!.trim();
      Object.assign(r.set, { declineReason: reason });
      r.comment = reason;
    },
  },
  /** The requester reads the decision and its reason, in the language they asked in. */
  mailDecline: {
    after: async (r) => {
      await enqueueMail(r.tx, { to: r.row.email, kind: 'join_declined', ...joinDeclinedMail(r.row.locale, r.row, r.input.reason!.trim()) });
    },
  },
};
