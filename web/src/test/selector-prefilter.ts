/**
 * jsdom computes an element's style by matching every rule of every style sheet against it, and emotion's sheet holds
 * thousands of MUI rules (`.css-1x2y3z`, `.css-1x2y3z .MuiButton-icon`, …), each of which can match only an element
 * with the class its last compound names. Testing Library asks for the computed style of every element it considers
 * (whether it is hidden, for every role query and accessible name), so selector matching was most of a react-admin
 * screen's test CPU. This answers "no match" at once when the element lacks a class that every alternative of the
 * selector requires of the element itself, and leaves every other selector to jsdom's matcher: the same answers,
 * since a compound selector cannot match an element without one of its classes.
 */
interface DomSelector {
  check(selector: string, node: ElementImpl, opt?: unknown): { match: boolean; ast: unknown; pseudoElement: unknown };
}
interface ElementImpl {
  localName: string;
  namespaceURI: string | null;
  getAttributeNS(namespace: string | null, name: string): string | null;
}

/** What the subject compound of one alternative requires of the element: its element name and its classes. */
interface Requirement {
  localName: string | null;
  classes: string[];
}

/** For each alternative of a selector list, what its subject compound requires; null when one requires nothing. */
function requirements(selector: string): Requirement[] | null {
  if (selector.includes('\\')) return null;
  const alternatives: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      alternatives.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(selector.slice(start));
  const result: Requirement[] = [];
  for (const alternative of alternatives) {
    // The subject compound: what follows the last combinator outside parentheses and brackets.
    let subjectStart = 0;
    depth = 0;
    const text = alternative.trim();
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~')) subjectStart = i + 1;
    }
    // Classes inside :not(), :is(), :has() or attribute selectors say nothing about what the element must have.
    let subject = '';
    depth = 0;
    for (const c of text.slice(subjectStart)) {
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth === 0) subject += c;
    }
    const classes = [...subject.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]);
    const localName = /^[a-zA-Z][\w-]*/.exec(subject)?.[0].toLowerCase() ?? null;
    if (classes.length === 0 && !localName) return null;
    result.push({ localName, classes });
  }
  return result;
}

export function prefilterSelectorMatching(document: Document) {
  const implSymbol = Object.getOwnPropertySymbols(document).find((symbol) => symbol.description === 'impl');
  const documentImpl = implSymbol ? (document as unknown as Record<symbol, { _getDOMSelector?: () => DomSelector }>)[implSymbol] : undefined;
  const selector = documentImpl?._getDOMSelector?.();
  if (!selector || (selector as { prefiltered?: boolean }).prefiltered) return;
  const check = selector.check;
  const required = new Map<string, Requirement[] | null>();
  const classSets = new WeakMap<ElementImpl, { value: string; classes: Set<string> }>();
  const noMatch = { match: false, ast: null, pseudoElement: null };
  selector.check = (text, node, opt) => {
    let alternatives = required.get(text);
    if (alternatives === undefined) {
      alternatives = requirements(text);
      required.set(text, alternatives);
    }
    // Element names compare as written only for HTML elements (SVG's are case-sensitive): others go to jsdom.
    if (alternatives && typeof node?.getAttributeNS === 'function' && node.namespaceURI === 'http://www.w3.org/1999/xhtml') {
      const value = node.getAttributeNS(null, 'class') ?? '';
      let entry = classSets.get(node);
      if (!entry || entry.value !== value) {
        entry = { value, classes: new Set(value.split(/\s+/).filter(Boolean)) };
        classSets.set(node, entry);
      }
      const { classes } = entry;
      const possible = alternatives.some(({ localName, classes: needed }) =>
        (localName === null || localName === node.localName) && needed.every((name) => classes.has(name)));
      if (!possible) return noMatch;
    }
    return check(text, node, opt);
  };
  Object.assign(selector, { prefiltered: true });
}
