import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { __unsafe_useEmotionCache } from '@emotion/react';

/**
 * Emotion inserts MUI's styles in development mode, each rule as a <style> element of its own: thousands of elements in
 * the document's head, which jsdom walks for every selector query and whose sheets it scans for every computed style.
 * In tests its default cache inserts them the way a production build does (speedy: CSSOM insertRule into one sheet),
 * the same rules; the application form's tests take about a quarter less CPU time. Set before the first style is
 * inserted; read from the default cache through the one hook that returns it.
 */
export function makeEmotionSpeedy() {
  let cache: { sheet: { isSpeedy: boolean } } | undefined;
  const Read = () => {
    cache = __unsafe_useEmotionCache() as unknown as typeof cache;
    return null;
  };
  renderToStaticMarkup(createElement(Read));
  if (!cache) throw new Error("emotion's default cache was not found");
  cache.sheet.isSpeedy = true;
}
