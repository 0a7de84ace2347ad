import { qualified } from '../../db/qualified.js';
import { z } from 'zod';
import { eq, inArray, sql } from 'drizzle-orm';
import { evidenceFiles } from '../../db/schema/index.js';
import { filterDef, type ResourceSpec } from '../resource/resource-spec.js';
import { asList, idValue, oneOrMany } from '../../lib/filters.js';
import { readableEntityCondition } from '../access/readable-entities.js';
import { evidenceRecord } from './evidence-record.js';

export const evidenceSpec: ResourceSpec = {
  name: 'evidence',
  noun: 'evidence file',
  record: evidenceRecord,
  table: evidenceFiles,
  id: evidenceFiles.id,
  // A file is read where the record it belongs to is read: that record's permission and scope.
  scope: (scope) => readableEntityCondition(scope, evidenceFiles),
  columns: {
    id: evidenceFiles.id, schoolId: evidenceFiles.schoolId, entityType: evidenceFiles.entityType, entityId: evidenceFiles.entityId,
    fileName: evidenceFiles.fileName, contentType: evidenceFiles.contentType, sizeBytes: evidenceFiles.sizeBytes,
    description: evidenceFiles.description, uploadedBy: evidenceFiles.uploadedBy, uploadedAt: evidenceFiles.uploadedAt,
    uploaderName: sql<string | null>`(SELECT u.name FROM users u WHERE u.id = ${qualified(evidenceFiles.uploadedBy)})`.as('uploader_name'),
  },
  sortable: { id: evidenceFiles.id, fileName: evidenceFiles.fileName, uploadedAt: evidenceFiles.uploadedAt, sizeBytes: evidenceFiles.sizeBytes },
  defaultSort: ['uploadedAt', 'DESC'],
  search: [evidenceFiles.fileName, evidenceFiles.description],
  filters: {
    entityType: filterDef(oneOrMany(z.string().max(40)), (v) => inArray(evidenceFiles.entityType, asList(v))),
    entityId: filterDef(idValue, (v) => eq(evidenceFiles.entityId, v)),
    schoolId: filterDef(idValue, (v) => eq(evidenceFiles.schoolId, v)),
  },
  enrich: (rows) => rows.map((r) => ({ ...r, downloadUrl: `/api/evidence/${r.id}/download` })),
};
