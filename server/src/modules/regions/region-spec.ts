
import { regions } from '../../db/schema/index.js';
import type { ResourceSpec } from '../resource/resource-spec.js';
import { regionRecord } from './region-record.js';

export const regionSpec: ResourceSpec = {
  name: 'regions',
  noun: 'region',
  record: regionRecord,
  table: regions,
  id: regions.id,
  columns: {
    id: regions.id, code: regions.code, nameZh: regions.nameZh, nameEn: regions.nameEn,
    provinces: regions.provinces, sortOrder: regions.sortOrder, version: regions.version, updatedAt: regions.updatedAt,
  },
  sortable: { id: regions.id, code: regions.code, nameZh: regions.nameZh, nameEn: regions.nameEn, sortOrder: regions.sortOrder },
  defaultSort: ['sortOrder', 'ASC'],
  search: [regions.nameZh, regions.nameEn, regions.code],
};
