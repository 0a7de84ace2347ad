import { headerKey } from './header.js';
import type { ImportColumn, ImportValue } from './import-definition.js';

/** A value's words for the templates: `毕业 (graduated)`. */
export const valueWords = (v: ImportValue) => `${v.zh} (${v.code})`;

/** A column's allowed values, in the templates: `毕业 (graduated); 退出 (withdrew)`. */
export const allowedValues = (column: ImportColumn) => (column.values ?? []).map(valueWords).join('; ');

/**
 * Reads a cell of a column with allowed values as its code: the code itself, its Chinese or English
 * words (as the web's export writes them), or the template's `毕业 (graduated)`; compared as headers
 * are (without case, spaces, `_`, `-`). Anything else is left as written, for the row schema to name.
 */
export function valueReader(column: ImportColumn): (text: string | undefined) => string | undefined {
  if (!column.values?.length) return (text) => text;
  const byWord = new Map<string, string>();
  for (const v of column.values) for (const word of [v.code, v.zh, v.en, valueWords(v)]) byWord.set(headerKey(word), v.code);
  return (text) => {
    if (text === undefined) return text;
    const direct = byWord.get(headerKey(text));
    if (direct) return direct;
    const both = /^(.+?)[(（]([^()（）]+)[)）]$/.exec(text.trim());
    return (both && byWord.get(headerKey(both[2]))) || text;
  };
}

/** A template's comment row (CSV): its first cell starts with `#`; the import skips such rows. */
export const isCommentRow = (first: string | undefined) => first !== undefined && first.startsWith('#');
