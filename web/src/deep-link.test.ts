import { describe, expect, it } from 'vitest';
import { pathToHashRoute } from './deep-link';

const run = (pathname: string, search = '', hash = '') => {
  const calls: string[] = [];
  pathToHashRoute({ pathname, search, hash }, { replaceState: (_d: unknown, _t: string, url?: string | URL | null) => { calls.push(String(url)); } });
  return calls;
};

describe('a path in a mail link becomes the hash route', () => {
  it('moves the path and its query into the hash', () => {
    expect(run('/join/confirm', '?token=abc-_1')).toEqual(['/#/join/confirm?token=abc-_1']);
    expect(run('/join')).toEqual(['/#/join']);
  });
  it('leaves the app root and hash routes alone', () => {
    expect(run('/')).toEqual([]);
    expect(run('/', '', '#/schools')).toEqual([]);
    expect(run('/join', '', '#/login')).toEqual([]);
  });
});
