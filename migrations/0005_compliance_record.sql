-- The summaries are derived data: empty them and forget today's refresh, so that the next start
-- (which refreshes before it serves) recomputes every row with its pre-built record.
DELETE FROM "compliance_summaries";--> statement-breakpoint
DELETE FROM "compliance_refreshes";--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD COLUMN "record" jsonb NOT NULL;--> statement-breakpoint
-- Keep the records out of line (compressed, in the TOAST table) so that the scans and sorts of a
-- list read narrow rows; only the page's records are fetched.
ALTER TABLE "compliance_summaries" SET (toast_tuple_target = 128);
