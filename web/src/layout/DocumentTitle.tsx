import { useEffect } from 'react';
import { useTranslate } from 'react-admin';
import { nameRowCheckboxes } from './row-checkbox-names';

/** The browser tab's title for a page titled `page`: "学校列表 · 校企合作管理平台", or the app's name alone. */
export function documentTitle(page: string | null | undefined, app: string): string {
  const text = page?.replace(/\s+/g, ' ').trim();
  return text && text !== app ? `${text} · ${app}` : app;
}

/**
 * One document title per screen (WCAG 2.4.2): the page's own title, as react-admin's <Title> puts it
 * into the app bar (#react-admin-title), followed by the app's name; kept in step as the page or the
 * language changes. Rendered once, in the app bar.
 */
export function DocumentTitle() {
  const translate = useTranslate();
  const app = translate('app.title');
  useEffect(() => {
    // The portal's element can be replaced as pages change: it is looked up again on every change of
    // the page (batched to one look a frame), not watched once.
    const update = () => {
      const next = documentTitle(document.getElementById('react-admin-title')?.textContent, app);
      if (document.title !== next) document.title = next;
    };
    update();
    let frame: number | undefined;
    const observer = new MutationObserver(() => {
      if (frame === undefined) frame = requestAnimationFrame(() => { frame = undefined; update(); });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [app]);
  // Rendered once for the signed-in app, so it also names the lists' row checkboxes (see there).
  useEffect(() => nameRowCheckboxes(document), []);
  return null;
}

/**
 * The title react-admin gives the pages that have none of their own: a crash, a page not found, a
 * failed authentication (its default is "React Admin"). Given to <Admin title>.
 */
export function DefaultTitle() {
  const translate = useTranslate();
  return <span data-testid="default-title">{translate('app.a11y.page_error')}</span>;
}
