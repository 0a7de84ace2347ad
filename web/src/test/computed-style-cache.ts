/**
 * jsdom's getComputedStyle matches every CSS rule on the page against the element, and Testing Library calls it for
 * every element it looks at: `getByRole` decides whether each candidate and each of its ancestors is hidden, and again
 * while computing each accessible name. Half of a react-admin screen's test CPU went there, most of it recomputing the
 * style of the same elements within one query. The style of an element changes only when the document or its style
 * sheets change, so a computed style is kept until either does: a mutation observer's pending records (read
 * synchronously with takeRecords, so a change made just before a query is never missed) and the number of rules in the
 * document's sheets (emotion inserts rules through the CSSOM, which no mutation reports).
 *
 * A textarea gets its declared (inline) style: MUI's TextareaAutosize measures its textarea on every render and change,
 * jsdom has no layout, so the measurement is zero anyway (the application form: a third of its CPU time). Its ancestors
 * keep their computed style (what decides whether it is hidden), and so does the measuring copy's inline visibility.
 */
export function cacheComputedStyle(window: Window & typeof globalThis) {
  if ('jsdomComputedStyle' in window) return; // once, also when test files share a worker
  const computedStyle = window.getComputedStyle.bind(window);
  Object.assign(window, { jsdomComputedStyle: computedStyle });
  const observer = new window.MutationObserver(() => undefined);
  observer.observe(window.document, { subtree: true, childList: true, attributes: true, characterData: true });
  let cache = new WeakMap<Element, CSSStyleDeclaration>();
  let rulesSeen = -1;
  const ruleCount = () => {
    let count = window.document.styleSheets.length;
    for (const sheet of Array.from(window.document.styleSheets)) count += sheet.cssRules.length;
    return count;
  };
  window.getComputedStyle = (element: Element, pseudoElement?: string | null) => {
    if (pseudoElement) return computedStyle(element, pseudoElement);
    if (element instanceof window.HTMLTextAreaElement) return element.style;
    const rules = ruleCount();
    if (observer.takeRecords().length > 0 || rules !== rulesSeen) {
      cache = new WeakMap();
      rulesSeen = rules;
    }
    let style = cache.get(element);
    if (!style) {
      style = computedStyle(element);
      cache.set(element, style);
    }
    return style;
  };
}
