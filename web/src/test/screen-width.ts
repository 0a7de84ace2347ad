/** Whether a width matches the min-width/max-width conditions of a media query (MUI's breakpoints use only these). */
function matches(query: string, width: number): boolean {
  return [...query.matchAll(/\((min|max)-width:\s*([\d.]+)px\)/g)].every(([, side, px]) => (side === 'min' ? width >= Number(px) : width <= Number(px)));
}

/** A window `width` px wide, as far as CSS media queries (MUI's useMediaQuery) can tell. */
export function screenWidth(width: number) {
  window.matchMedia = (query: string) => ({
    matches: matches(query, width),
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  });
}
