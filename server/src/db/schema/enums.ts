// The vocabularies live in @campus/common (shared with the web); the schema files read them here.
export * from '@campus/common/vocabulary';

/** SQL list literal for a CHECK constraint: ('a', 'b'). Values are our own constants, never input. */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
