/**
 * react-admin 5's row checkbox (SelectRowCheckbox) passes its name, aria-label="选择此行", to MUI's
 * <Checkbox> root, which since MUI 7 is a plain <span>: the name lands on an element that may not
 * have one (axe aria-prohibited-attr) and the checkbox input itself is left without a name (axe
 * label, WCAG 4.1.2). Until react-admin passes it as the input's, this moves it there, for the rows
 * drawn now and every row drawn later. Answers a function that stops watching.
 */
export function nameRowCheckboxes(root: Document | HTMLElement = document): () => void {
  const fix = () => {
    for (const span of root.querySelectorAll<HTMLElement>('.select-item[aria-label]')) {
      const input = span.querySelector('input[type="checkbox"]');
      if (!input) continue;
      if (!input.hasAttribute('aria-label') && !input.hasAttribute('aria-labelledby')) input.setAttribute('aria-label', span.getAttribute('aria-label')!);
      span.removeAttribute('aria-label');
    }
  };
  fix();
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      fix();
    });
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
