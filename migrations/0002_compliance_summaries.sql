CREATE TABLE "compliance_refreshes" (
	"day" date PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"schools" integer NOT NULL,
	"ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_summaries" (
	"id" text GENERATED ALWAYS AS (agreement_id::text || '-' || year::text) STORED NOT NULL,
	"agreement_id" integer NOT NULL,
	"year" integer NOT NULL,
	"school_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"tier" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"as_of" date NOT NULL,
	"is_current" boolean NOT NULL,
	"policy_id" integer,
	"certified_instructors" numeric(14, 4),
	"teaching_delivery" numeric(14, 4),
	"offline_courses" numeric(14, 4),
	"practice_hours" numeric(14, 4),
	"certificates1x" numeric(14, 4),
	"certificates_operator" numeric(14, 4),
	"job_platform_rate" numeric(14, 4),
	"job_fairs" numeric(14, 4),
	"enrolled_students" integer DEFAULT 0 NOT NULL,
	"graduates" integer DEFAULT 0 NOT NULL,
	"certified_students" integer DEFAULT 0 NOT NULL,
	"verdicts" jsonb NOT NULL,
	"compliant" boolean NOT NULL,
	"failing_kpis" text[] NOT NULL,
	"computed_for" date NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_summaries_agreement_id_year_pk" PRIMARY KEY("agreement_id","year")
);
--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD CONSTRAINT "compliance_summaries_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD CONSTRAINT "compliance_summaries_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD CONSTRAINT "compliance_summaries_policy_id_tier_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."tier_policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_school_idx" ON "compliance_summaries" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "compliance_id_idx" ON "compliance_summaries" USING btree ("id");--> statement-breakpoint
CREATE INDEX "compliance_current_idx" ON "compliance_summaries" USING btree ("is_current","region_id","tier");--> statement-breakpoint
CREATE INDEX "compliance_failing_idx" ON "compliance_summaries" USING gin ("failing_kpis");