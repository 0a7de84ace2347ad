CREATE TABLE "exam_candidates" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"registered_by" integer,
	"theory_score" numeric(5, 1),
	"practice_score" numeric(5, 1),
	"result" text,
	"cert_no" text,
	"certificate_id" integer,
	"result_recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_candidates_session_student" UNIQUE("session_id","student_id"),
	CONSTRAINT "exam_candidates_result" CHECK (result IS NULL OR result IN ('passed', 'failed', 'absent')),
	CONSTRAINT "exam_candidates_scores" CHECK (coalesce("exam_candidates"."theory_score", 0) BETWEEN 0 AND 1000 AND coalesce("exam_candidates"."practice_score", 0) BETWEEN 0 AND 1000),
	CONSTRAINT "exam_candidates_pass_number" CHECK ("exam_candidates"."result" IS DISTINCT FROM 'passed' OR "exam_candidates"."cert_no" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "exam_session_sites" (
	"session_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	CONSTRAINT "exam_session_sites_session_id_site_id_pk" PRIMARY KEY("session_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "exam_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"session_type" text DEFAULT 'unified' NOT NULL,
	"kind" text NOT NULL,
	"exam_on" date NOT NULL,
	"registration_opens_on" date NOT NULL,
	"registration_closes_on" date NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"results_imported_at" timestamp with time zone,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_sessions_type" CHECK (session_type IN ('unified', 'site')),
	CONSTRAINT "exam_sessions_status" CHECK (status IN ('scheduled', 'closed', 'results_published', 'cancelled')),
	CONSTRAINT "exam_sessions_kind" CHECK (kind IN ('1x_junior', '1x_intermediate', '1x_senior', 'operator')),
	CONSTRAINT "exam_sessions_window" CHECK ("exam_sessions"."registration_opens_on" <= "exam_sessions"."registration_closes_on" AND "exam_sessions"."registration_closes_on" <= "exam_sessions"."exam_on")
);
--> statement-breakpoint
CREATE TABLE "exam_sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"school_id" integer,
	"region_id" integer NOT NULL,
	"address" text NOT NULL,
	"capacity" integer NOT NULL,
	"kinds" text[] NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"decision_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_sites_status" CHECK (status IN ('proposed', 'approved', 'declined', 'suspended')),
	CONSTRAINT "exam_sites_capacity" CHECK ("exam_sites"."capacity" BETWEEN 1 AND 100000),
	CONSTRAINT "exam_sites_kinds" CHECK (cardinality(kinds) >= 1 AND kinds <@ ARRAY['1x_junior', '1x_intermediate', '1x_senior', 'operator']::text[]),
	CONSTRAINT "exam_sites_declined_reason" CHECK ("exam_sites"."status" <> 'declined' OR "exam_sites"."decision_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "instructor_training_participants" (
	"id" serial PRIMARY KEY NOT NULL,
	"training_id" integer NOT NULL,
	"instructor_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"passed" boolean NOT NULL,
	"score" numeric(5, 1),
	"certification_id" integer,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructor_training_participants_once" UNIQUE("training_id","instructor_id")
);
--> statement-breakpoint
CREATE TABLE "instructor_trainings" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"level" text DEFAULT 'junior' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"location" text,
	"validity_months" integer DEFAULT 36 NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructor_trainings_level" CHECK (level IN ('junior', 'intermediate', 'senior')),
	CONSTRAINT "instructor_trainings_dates" CHECK ("instructor_trainings"."starts_on" <= "instructor_trainings"."ends_on"),
	CONSTRAINT "instructor_trainings_validity" CHECK ("instructor_trainings"."validity_months" BETWEEN 1 AND 120)
);
--> statement-breakpoint
ALTER TABLE "tier_policies" ADD COLUMN "certificates_verified_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "status" text DEFAULT 'claimed' NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "verified_by" integer;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD COLUMN "certificates1x_verified" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD COLUMN "certificates_operator_verified" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "exam_candidates" ADD CONSTRAINT "exam_candidates_session_id_exam_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."exam_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_candidates" ADD CONSTRAINT "exam_candidates_site_id_exam_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."exam_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_candidates" ADD CONSTRAINT "exam_candidates_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_candidates" ADD CONSTRAINT "exam_candidates_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_candidates" ADD CONSTRAINT "exam_candidates_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_candidates" ADD CONSTRAINT "exam_candidates_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_session_sites" ADD CONSTRAINT "exam_session_sites_session_id_exam_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."exam_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_session_sites" ADD CONSTRAINT "exam_session_sites_site_id_exam_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."exam_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_sessions" ADD CONSTRAINT "exam_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_sites" ADD CONSTRAINT "exam_sites_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_sites" ADD CONSTRAINT "exam_sites_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_sites" ADD CONSTRAINT "exam_sites_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_sites" ADD CONSTRAINT "exam_sites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_training_participants" ADD CONSTRAINT "instructor_training_participants_training_id_instructor_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."instructor_trainings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_training_participants" ADD CONSTRAINT "instructor_training_participants_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_training_participants" ADD CONSTRAINT "instructor_training_participants_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_training_participants" ADD CONSTRAINT "instructor_training_participants_certification_id_instructor_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."instructor_certifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_training_participants" ADD CONSTRAINT "instructor_training_participants_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_trainings" ADD CONSTRAINT "instructor_trainings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exam_candidates_session_site_idx" ON "exam_candidates" USING btree ("session_id","site_id");--> statement-breakpoint
CREATE INDEX "exam_candidates_school_session_idx" ON "exam_candidates" USING btree ("school_id","session_id");--> statement-breakpoint
CREATE INDEX "exam_candidates_student_idx" ON "exam_candidates" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exam_candidates_cert_no_idx" ON "exam_candidates" USING btree ("cert_no");--> statement-breakpoint
CREATE INDEX "exam_session_sites_site_idx" ON "exam_session_sites" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "exam_sessions_exam_on_idx" ON "exam_sessions" USING btree ("exam_on","id");--> statement-breakpoint
CREATE INDEX "exam_sites_region_idx" ON "exam_sites" USING btree ("region_id","status","id");--> statement-breakpoint
CREATE INDEX "exam_sites_school_idx" ON "exam_sites" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "instructor_training_participants_school_idx" ON "instructor_training_participants" USING btree ("school_id","training_id");--> statement-breakpoint
CREATE INDEX "instructor_training_participants_instructor_idx" ON "instructor_training_participants" USING btree ("instructor_id");--> statement-breakpoint
CREATE INDEX "instructor_trainings_ends_idx" ON "instructor_trainings" USING btree ("ends_on","id");--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_verified_cert_no_idx" ON "certificates" USING btree ("cert_no") WHERE "certificates"."status" = 'verified';--> statement-breakpoint
CREATE INDEX "certificates_cert_no_idx" ON "certificates" USING btree ("cert_no");--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_status" CHECK (status IN ('claimed', 'verified'));--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_verified_at" CHECK (("certificates"."status" = 'verified') = ("certificates"."verified_at" IS NOT NULL));