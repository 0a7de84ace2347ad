ALTER TABLE "compliance_summaries" ALTER COLUMN "certified_instructors" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ALTER COLUMN "teaching_delivery" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ALTER COLUMN "offline_courses" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ALTER COLUMN "practice_hours" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ALTER COLUMN "certificates1x" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ALTER COLUMN "certificates_operator" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ALTER COLUMN "job_platform_rate" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ALTER COLUMN "job_fairs" SET DATA TYPE double precision;