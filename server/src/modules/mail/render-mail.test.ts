import { afterEach, describe, expect, it } from 'vitest';
import { renderMail } from './render-mail.js';
import { publicUrl, setPublicUrl } from './public-url.js';

describe('renderMail', () => {
  it('writes the same paragraphs as plain text and as escaped HTML, the link in full in both', () => {
    const m = renderMail({
      subject: 'A & B',
      paragraphs: ['Dear <script>alert(1)</script>,', 'line one\nline two'],
      link: { label: 'Open "it"', url: 'https://partner.example.cn/set-password?token=a&b=c' },
    });
    expect(m.subject).toBe('A & B');
    expect(m.text).toBe('Dear <script>alert(1)</script>,\n\nline one\nline two\n\nOpen "it":\nhttps://partner.example.cn/set-password?token=a&b=c\n');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(m.html).toContain('line one<br>line two');
    expect(m.html).toContain('href="https://partner.example.cn/set-password?token=a&amp;b=c"');
    expect(m.html).toContain('>Open &quot;it&quot;</a>');
    expect(m.html).toContain('<title>A &amp; B</title>');
  });

  it('never makes a link of anything but http(s)', () => {
    const m = renderMail({ subject: 's', paragraphs: [], link: { label: 'x', url: 'javascript:alert(1)' } });
    expect(m.html).toContain('href="#"');
    expect(m.html).not.toContain('href="javascript');
  });
});

describe('publicUrl', () => {
  afterEach(() => setPublicUrl('http://localhost:3000'));
  it('joins the configured address and a path', () => {
    setPublicUrl('https://partner.example.cn/');
    expect(publicUrl('/set-password?token=x')).toBe('https://partner.example.cn/set-password?token=x');
    expect(publicUrl('join')).toBe('https://partner.example.cn/join');
  });
});
