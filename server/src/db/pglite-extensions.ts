import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The PostgreSQL extensions the migrations create, loaded into every embedded database (a real
 * PostgreSQL server has them in its contrib package): pg_trgm, for the trigram indexes that make
 * a name search across all schools fast.
 */
export const pgliteExtensions = { pg_trgm };
