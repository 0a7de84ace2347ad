import { z } from 'zod';
import { eq, ilike, inArray, sql } from 'drizzle-orm';
import { mailOutbox } from '../../db/schema/index.js';
import { likePattern } from '../../lib/list-query.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { mailOutboxRecord, mailStatuses } from './mail-outbox-record.js';

const status = z.enum(mailStatuses);

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
};
