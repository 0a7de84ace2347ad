import { describe, expect, it } from 'vitest';
import { documentTitle } from './DocumentTitle';

describe('the document title', () => {
  it("is the page's title then the app's name, or the app's name alone (never react-admin's default)", () => {
    expect(documentTitle('院校', '校企合作管理平台')).toBe('院校 · 校企合作管理平台');
    expect(documentTitle('  院校\n  #12 ', '校企合作管理平台')).toBe('院校 #12 · 校企合作管理平台');
    expect(documentTitle('', '校企合作管理平台')).toBe('校企合作管理平台');
    expect(documentTitle(null, 'Campus Partner')).toBe('Campus Partner');
    expect(documentTitle('Campus Partner', 'Campus Partner')).toBe('Campus Partner');
  });
});
