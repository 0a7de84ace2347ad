import { z } from 'zod';
import { eq, ilike, inArray, sql } from 'drizzle-orm';
import { mailOutbox } from '../../db/schema/index.js';
import { likePattern } from '../../lib/list-query.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { mailOutboxRecord, mailStatuses } from './mail-outbox-record.js';

const status = z.enum(mailStatuses);

/**
 * A mail as HQ reads it in the outbox: once the SMTP server has taken the mail, the one-time token of
 * its link (an invitation, a reset, a join confirmation) is hidden, so that reading the outbox never
 * lets one HQ user use a link meant for someone else. A queued mail keeps its link: without SMTP_URL
 * the outbox is how HQ hands it over.
 */
const hideToken = (text: unknown) => String(text).replace(/([?&]token=)[A-Za-z0-9_-]+/g, '$1(hidden once sent)');
function withSentTokensHidden(row: Record<string, unknown>) {
  return row.status === 'sent' ? { ...row, text: hideToken(row.text), html: hideToken(row.html) } : row;
}

/** The outbox, HQ's only (permissions: 'mail-outbox'); other scopes read nothing of it. */
export const mailOutboxSpec: ResourceSpec = {
  name: 'mail-outbox',
  noun: 'mail',
  record: mailOutboxRecord,
  table: mailOutbox,
  id: mailOutbox.id,
  scope: (scope) => (scope.kind === 'all' ? undefined : sql`false`),
  columns: {
    id: mailOutbox.id, recipient: mailOutbox.recipient, kind: mailOutbox.kind, subject: mailOutbox.subject,
    text: mailOutbox.text, html: mailOutbox.html, status: mailOutbox.status, attempts: mailOutbox.attempts,
    nextAttemptAt: mailOutbox.nextAttemptAt, lastError: mailOutbox.lastError, userId: mailOutbox.userId,
    createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt,
  },
  sortable: {
    id: mailOutbox.id, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt, recipient: mailOutbox.recipient,
    kind: mailOutbox.kind, status: mailOutbox.status, attempts: mailOutbox.attempts, nextAttemptAt: mailOutbox.nextAttemptAt,
  },
  defaultSort: ['createdAt', 'DESC'],
  filters: {
    status: filterDef(z.union([status, z.array(status).max(3)]), (v) => (Array.isArray(v) ? (v.length ? inArray(mailOutbox.status, v) : sql`false`) : eq(mailOutbox.status, v))),
    kind: filterDef(z.string().max(60), (v) => eq(mailOutbox.kind, v)),
    recipient: filterDef(z.string().max(200), (v) => ilike(mailOutbox.recipient, likePattern(v.trim()))),
    userId: filterDef(z.number().int(), (v) => eq(mailOutbox.userId, v)),
  },
  search: [mailOutbox.recipient, mailOutbox.subject],
  serialize: withSentTokensHidden,
};
