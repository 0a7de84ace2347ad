ALTER TABLE "compliance_summaries" ADD COLUMN "active_histogram" jsonb;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD COLUMN "offline_hours_histogram" jsonb;