import { describe, expect, it } from 'vitest';
import { canAccess } from './permissions';
import { resourceModules } from '../resources';

/** What each role finds in the menu: the resources of the SPA it may list. */
const menuOf = (role: Parameters<typeof canAccess>[0]) =>
  Object.keys(resourceModules).filter((name) => canAccess(role, name, 'list'));

describe('canAccess (the table shared with the server)', () => {
  it('HQ sees every resource of the app and edits tier policies', () => {
    expect(menuOf('hq')).toEqual(expect.arrayContaining(['schools', 'tier-policies', 'regions', 'audit-events', 'users', 'compliance', 'students', 'certificates']));
    expect(canAccess('hq', 'students', 'create')).toBe(false);
    expect(canAccess('hq', 'tier-policies', 'edit')).toBe(true);
    expect(canAccess('hq', 'tier-policies', 'create')).toBe(true);
    expect(canAccess('hq', 'users', 'show')).toBe(true);
  });

  it('regional staff see schools, policies, regions, the audit log and the accounts they manage (their regions\' school accounts: the server scopes them)', () => {
    expect(menuOf('regional')).toEqual(expect.arrayContaining(['schools', 'tier-policies', 'regions', 'audit-events', 'compliance', 'users']));
    expect(canAccess('regional', 'users', 'list')).toBe(true);
    expect(canAccess('regional', 'users', 'create')).toBe(true);
    expect(canAccess('regional', 'tier-policies', 'edit')).toBe(false);
  });

  it('a school user reads the programme and its own audit trail but edits no policy', () => {
    expect(menuOf('school')).toEqual(expect.arrayContaining(['schools', 'tier-policies', 'regions', 'audit-events', 'compliance', 'students', 'certificates', 'practice-records', 'job-registrations', 'job-fairs', 'instructors', 'courses', 'course-completions']));
    expect(menuOf('school')).not.toContain('users');
    expect(canAccess('school', 'certificates', 'import')).toBe(true);
    expect(canAccess('school', 'tier-policies', 'edit')).toBe(false);
    expect(canAccess('school', 'schools', 'edit')).toBe(false);
  });

  it('a provider has no audit log and no users', () => {
    expect(menuOf('provider')).toEqual(expect.arrayContaining(['schools', 'tier-policies', 'regions', 'compliance', 'students', 'practice-records', 'courses']));
    for (const hidden of ['audit-events', 'users', 'certificates', 'job-registrations', 'instructors']) expect(menuOf('provider')).not.toContain(hidden);
    expect(canAccess('provider', 'practice-records', 'import')).toBe(true);
    expect(canAccess('provider', 'audit-events', 'list')).toBe(false);
  });

  it('nobody signed in may do anything, and unknown resources or actions are refused', () => {
    expect(canAccess(undefined, 'schools', 'list')).toBe(false);
    expect(canAccess('hq', 'no-such-resource', 'list')).toBe(false);
    expect(canAccess('hq', 'schools', 'clone' as never)).toBe(false);
  });
});
