/**
 * One look for every mail: plain text and a simple HTML part from the same paragraphs, every value
 * escaped. Callers word their paragraphs (in the recipient's language) in their own `*-mail.ts`.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface MailParts {
  subject: string;
  /** Each becomes a paragraph; a line break inside one stays a line break. */
  paragraphs: string[];
  /** A button-like link after the paragraphs (also written out in full in the text part). */
  link?: { label: string; url: string };
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => entities[c]!);

export function renderMail({ subject, paragraphs, link }: MailParts): MailContent {
  const text = [...paragraphs, ...(link ? [`${link.label}:\n${link.url}`] : [])].join('\n\n') + '\n';
  const body = paragraphs.map((p) => `<p style="margin:0 0 12px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
  if (link) {
    const href = /^https?:\/\//i.test(link.url) ? link.url : '#';
    body.push(`<p style="margin:16px 0"><a href="${escapeHtml(href)}" style="display:inline-block;padding:8px 16px;background:#ff6a00;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(link.label)}</a></p>`);
    body.push(`<p style="margin:0 0 12px;color:#666;font-size:12px;word-break:break-all">${escapeHtml(link.url)}</p>`);
  }
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:-apple-system,'PingFang SC','Microsoft YaHei',Arial,sans-serif;font-size:14px;line-height:1.6;color:#222">
${body.join('\n')}
</body></html>
`;
  return { subject, text, html };
}
