/**
 * A URL as the access log writes it: the value of every `token` query parameter (the one-time links
 * of mails: /join/confirm?token=…, /set-password?token=…) is left out, so the log never holds a
 * link that still works.
 */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}
