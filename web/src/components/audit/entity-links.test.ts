import { describe, expect, it } from 'vitest';
import { resourceOfEntity } from './entity-links';

describe('resourceOfEntity', () => {
  it.each([
    ['tier_policy', 'tier-policies'],
    ['application', 'applications'],
    ['practice_record', 'practice-records'],
    ['evidence', 'evidence'],
    ['feedback', 'feedback'],
    ['school', 'schools'],
  ])('%s is served as %s', (entity, resource) => {
    expect(resourceOfEntity(entity)).toBe(resource);
  });
});
