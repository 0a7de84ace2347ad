import { z } from 'zod';

const province = z.string().trim().min(1).max(20);

/**
 * PUT /api/regions/:id: names and provinces, with the version the editor read. A province listed
 * here is taken from the region that listed it (a province belongs to exactly one region). The
 * read-only fields a form sends back (id, code, dates) are accepted and ignored.
 */
export const regionUpdateBody = z.strictObject({
  nameZh: z.string().trim().min(1).max(50).optional(),
  nameEn: z.string().trim().min(1).max(100).optional(),
  provinces: z.array(province).max(60).optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
  version: z.number().int().positive(),
  id: z.unknown().optional(), code: z.unknown().optional(), createdAt: z.unknown().optional(), updatedAt: z.unknown().optional(),
});
export type RegionUpdate = z.output<typeof regionUpdateBody>;
