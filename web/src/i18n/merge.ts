type Tree = { [key: string]: unknown };

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Deep-merges each area's messages (web/src/i18n/<area>.zh.ts / <area>.en.ts) into the base
 * messages, so that every area keeps its labels in its own files and zh.ts / en.ts only list the
 * areas. Keeps the base's type: the areas' keys are checked by the completeness test, not by tsc.
 * A later part wins on a clash of leaves.
 */
export function mergeMessages<T extends object>(base: T, ...parts: object[]): T {
  const out: Tree = { ...(base as Tree) };
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const current = out[key];
      out[key] = isTree(current) && isTree(value) ? mergeMessages(current, value) : value;
    }
  }
  return out as T;
}
