/**
 * Links in mails: the web app's public address (config PUBLIC_URL, default http://localhost:<PORT>)
 * joined with a path. buildApp sets the address from its config; a script without an app reads the
 * environment.
 */
let base: string | undefined;

export function setPublicUrl(url: string): void {
  base = url.replace(/\/+$/, '');
}

export function publicUrl(path: string): string {
  const root = base ?? (process.env.PUBLIC_URL ? process.env.PUBLIC_URL.replace(/\/+$/, '') : `http://localhost:${process.env.PORT || 3000}`);
  return `${root}${path.startsWith('/') ? '' : '/'}${path}`;
}
