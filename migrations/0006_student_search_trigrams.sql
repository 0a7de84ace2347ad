-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it. The
-- embedded database loads it from PGlite's contrib (server/src/db/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "students_name_trgm_idx" ON "students" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "students_student_no_trgm_idx" ON "students" USING gin ("student_no" gin_trgm_ops);
