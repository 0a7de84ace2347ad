/**
 * The app routes by the URL's hash (react-admin's default router: `/#/join/confirm?token=…`), but
 * links in mails name a path (`/join/confirm?token=…`), which the server answers with the app's
 * page. Before the app starts, such a path becomes the same route in the hash, so the mail's link
 * opens its page; the address bar keeps no path.
 */
export function pathToHashRoute(location: Pick<Location, 'pathname' | 'search' | 'hash'>, history: Pick<History, 'replaceState'>) {
  if (location.pathname === '/' || location.pathname === '/index.html' || location.hash) return;
  history.replaceState(null, '', `/#${location.pathname}${location.search}`);
}
