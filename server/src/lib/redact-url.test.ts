import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('leaves out the value of every token parameter, and nothing else', () => {
    expect(redactUrl('/join/confirm?token=abc_DEF-123')).toBe('/join/confirm?token=[redacted]');
    expect(redactUrl('/set-password?lang=zh&token=x&y=1')).toBe('/set-password?lang=zh&token=[redacted]&y=1');
    expect(redactUrl('/api/schools?filter=%7B%7D')).toBe('/api/schools?filter=%7B%7D');
    expect(redactUrl('/api/things?mytoken=1')).toBe('/api/things?mytoken=1');
  });
});
