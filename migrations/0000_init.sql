CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"provinces" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_code_unique" UNIQUE("code"),
	CONSTRAINT "regions_code_format" CHECK ("regions"."code" ~ '^[a-z_]+$')
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"region_id" integer NOT NULL,
	"province" text NOT NULL,
	"city" text,
	"kind" text DEFAULT 'vocational' NOT NULL,
	"tier" text,
	"status" text DEFAULT 'prospect' NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schools_name_unique" UNIQUE("name"),
	CONSTRAINT "schools_tier" CHECK (tier IS NULL OR tier IN ('industry_college', 'talent_base', 'pilot_1x', 'partner_school')),
	CONSTRAINT "schools_status" CHECK (status IN ('prospect', 'applying', 'partner', 'rectifying', 'terminated', 'expired')),
	CONSTRAINT "schools_kind" CHECK (kind IN ('university', 'vocational'))
);
--> statement-breakpoint
CREATE TABLE "provider_assignments" (
	"provider_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_assignments_provider_id_school_id_pk" PRIMARY KEY("provider_id","school_id")
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "providers_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "user_regions" (
	"user_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	CONSTRAINT "user_regions_user_id_region_id_pk" PRIMARY KEY("user_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"school_id" integer,
	"provider_id" integer,
	"locale" text DEFAULT 'zh' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_role" CHECK (role IN ('hq', 'regional', 'school', 'provider')),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_school_link" CHECK (("users"."role" = 'school') = ("users"."school_id" IS NOT NULL)),
	CONSTRAINT "users_provider_link" CHECK (("users"."role" = 'provider') = ("users"."provider_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "tier_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"tier" text NOT NULL,
	"effective_year" integer NOT NULL,
	"certified_instructors" integer,
	"teaching_delivery" numeric(5, 4),
	"offline_courses" integer,
	"offline_course_min_hours" integer DEFAULT 32 NOT NULL,
	"practice_hours" numeric(8, 2),
	"certificates1x" integer,
	"certificates_operator" integer,
	"job_platform_rate" numeric(5, 4),
	"active_resume_completeness" numeric(5, 2) DEFAULT 80 NOT NULL,
	"active_min_applications" integer DEFAULT 1 NOT NULL,
	"job_fairs" integer,
	"term_years" integer NOT NULL,
	"requires_signing" boolean NOT NULL,
	"requires_plaque" boolean NOT NULL,
	"requires_inspection" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tier_policies_tier_year" UNIQUE("tier","effective_year"),
	CONSTRAINT "tier_policies_tier" CHECK (tier IN ('industry_college', 'talent_base', 'pilot_1x', 'partner_school')),
	CONSTRAINT "tier_policies_year" CHECK ("tier_policies"."effective_year" BETWEEN 2000 AND 2100),
	CONSTRAINT "tier_policies_ratios" CHECK (("tier_policies"."teaching_delivery" IS NULL OR "tier_policies"."teaching_delivery" BETWEEN 0 AND 1) AND ("tier_policies"."job_platform_rate" IS NULL OR "tier_policies"."job_platform_rate" BETWEEN 0 AND 1)),
	CONSTRAINT "tier_policies_non_negative" CHECK (coalesce("tier_policies"."certified_instructors",0) >= 0 AND coalesce("tier_policies"."offline_courses",0) >= 0 AND coalesce("tier_policies"."practice_hours",0) >= 0 AND coalesce("tier_policies"."certificates1x",0) >= 0 AND coalesce("tier_policies"."certificates_operator",0) >= 0 AND coalesce("tier_policies"."job_fairs",0) >= 0),
	CONSTRAINT "tier_policies_term" CHECK ("tier_policies"."term_years" BETWEEN 1 AND 10),
	CONSTRAINT "tier_policies_plaque_needs_signing" CHECK (NOT "tier_policies"."requires_plaque" OR "tier_policies"."requires_signing")
);
--> statement-breakpoint
CREATE TABLE "application_plan_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"needs_platform_support" boolean DEFAULT false NOT NULL,
	"approved" boolean,
	"approved_by" integer,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_items_kind" CHECK (kind IN ('instructor', 'teaching_resource', 'practice_project', 'target', 'job_fair'))
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"tier" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"plan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pledge" boolean DEFAULT false NOT NULL,
	"review_comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"upgrade_from_agreement_id" integer,
	"created_by" integer,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_tier" CHECK (tier IN ('industry_college', 'talent_base', 'pilot_1x', 'partner_school')),
	CONSTRAINT "applications_status" CHECK (status IN ('draft', 'pending_regional', 'pending_hq', 'returned', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "applications_version" CHECK ("applications"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"application_id" integer,
	"previous_agreement_id" integer,
	"tier" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"start_date" date,
	"term_years" integer NOT NULL,
	"signed_on" date,
	"plaque_on" date,
	"plaque_place" text,
	"inspection_passed_on" date,
	"inspection_findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rectification_notice" text,
	"rectification_deadline" date,
	"rectification_kpis" text[],
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_tier" CHECK (tier IN ('industry_college', 'talent_base', 'pilot_1x', 'partner_school')),
	CONSTRAINT "agreements_status" CHECK (status IN ('pending_signing', 'pending_plaque', 'pending_inspection', 'active', 'rectifying', 'terminated', 'expired', 'superseded', 'renewed')),
	CONSTRAINT "agreements_term" CHECK ("agreements"."term_years" BETWEEN 1 AND 10),
	CONSTRAINT "agreements_active_has_start" CHECK ("agreements"."status" IN ('pending_signing','pending_plaque','pending_inspection') OR "agreements"."start_date" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"year" integer NOT NULL,
	"kind" text DEFAULT 'annual' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"snapshot" jsonb NOT NULL,
	"snapshot_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"reason" text,
	"deadline" date,
	"failing_kpis" text[],
	"notice" text,
	"opened_by" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_agreement_year" UNIQUE("agreement_id","year"),
	CONSTRAINT "evaluations_status" CHECK (status IN ('open', 'decided')),
	CONSTRAINT "evaluations_kind" CHECK (kind IN ('annual', 'final')),
	CONSTRAINT "evaluations_decision" CHECK (decision IS NULL OR decision IN ('continue', 'rectify', 'upgrade', 'terminate', 'renew', 'not_renew')),
	CONSTRAINT "evaluations_decided" CHECK (("evaluations"."status" = 'decided') = ("evaluations"."decision" IS NOT NULL)),
	CONSTRAINT "evaluations_year" CHECK ("evaluations"."year" >= 1)
);
--> statement-breakpoint
CREATE TABLE "instructor_certifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"instructor_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"cert_no" text NOT NULL,
	"level" text DEFAULT 'junior' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	CONSTRAINT "instructor_certifications_no" UNIQUE("cert_no"),
	CONSTRAINT "instructor_cert_level" CHECK (level IN ('junior', 'intermediate', 'senior')),
	CONSTRAINT "instructor_cert_range" CHECK ("instructor_certifications"."valid_to" >= "instructor_certifications"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "instructors" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"name" text NOT NULL,
	"staff_no" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "instructors_school_staff_no" UNIQUE("school_id","staff_no")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer,
	"kind" text NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"level" text,
	"chapters" integer,
	"class_hours" integer NOT NULL,
	"practice_hours" integer,
	"online_hours" integer,
	"term" text,
	"taught_from" date,
	"taught_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_kind" CHECK (kind IN ('official_textbook', 'official_online', 'platform_training', 'offline')),
	CONSTRAINT "courses_offline_is_the_schools" CHECK (("courses"."kind" = 'offline') = ("courses"."school_id" IS NOT NULL)),
	CONSTRAINT "courses_hours" CHECK ("courses"."class_hours" > 0),
	CONSTRAINT "courses_taught_range" CHECK ("courses"."taught_to" IS NULL OR "courses"."taught_from" IS NULL OR "courses"."taught_to" >= "courses"."taught_from")
);
--> statement-breakpoint
CREATE TABLE "school_required_courses" (
	"school_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	CONSTRAINT "school_required_courses_school_id_course_id_pk" PRIMARY KEY("school_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "course_completions" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"completed_on" date NOT NULL,
	CONSTRAINT "course_completions_student_course" UNIQUE("student_id","course_id")
);
--> statement-breakpoint
CREATE TABLE "students" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"student_no" text NOT NULL,
	"name" text NOT NULL,
	"cohort_year" integer NOT NULL,
	"enrolled_on" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"major" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "students_school_student_no" UNIQUE("school_id","student_no"),
	CONSTRAINT "students_left_reason" CHECK (left_reason IS NULL OR left_reason IN ('graduated', 'withdrew')),
	CONSTRAINT "students_left_pair" CHECK (("students"."left_on" IS NULL) = ("students"."left_reason" IS NULL)),
	CONSTRAINT "students_left_after_enrolled" CHECK ("students"."left_on" IS NULL OR "students"."left_on" >= "students"."enrolled_on"),
	CONSTRAINT "students_cohort" CHECK ("students"."cohort_year" BETWEEN 1990 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"kind" text NOT NULL,
	"cert_no" text,
	"issued_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "certificates_kind" CHECK (kind IN ('1x_junior', '1x_intermediate', '1x_senior', 'operator', 'mohrss_intermediate', 'mohrss_senior', 'gold_operator', 'data_advisor', 'crm_xiaoman', 'live_host'))
);
--> statement-breakpoint
CREATE TABLE "practice_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"provider_id" integer,
	"provider_report_id" integer,
	"project" text NOT NULL,
	"hours" numeric(7, 2) NOT NULL,
	"practiced_on" date NOT NULL,
	"confirmed" boolean DEFAULT false NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_hours_range" CHECK ("practice_records"."hours" > 0 AND "practice_records"."hours" <= 24)
);
--> statement-breakpoint
CREATE TABLE "job_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"registration_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"applied_on" date NOT NULL,
	"employer" text
);
--> statement-breakpoint
CREATE TABLE "job_fairs" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"employers" integer DEFAULT 0 NOT NULL,
	"attendance" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_fairs_counts" CHECK ("job_fairs"."employers" >= 0 AND "job_fairs"."attendance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "job_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"student_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"registered_on" date NOT NULL,
	"platform_account" text,
	"resume_completeness" numeric(5, 2) DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_registrations_student" UNIQUE("student_id"),
	CONSTRAINT "job_registrations_resume" CHECK ("job_registrations"."resume_completeness" BETWEEN 0 AND 100)
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"description" text,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_files_storageKey_unique" UNIQUE("storage_key"),
	CONSTRAINT "evidence_size" CHECK ("evidence_files"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "content_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider_id" integer NOT NULL,
	"school_id" integer,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"class_hours" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"decision_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "content_proposals_status" CHECK (status IN ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_id" integer NOT NULL,
	"provider_id" integer,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reply" text,
	"replied_by" integer,
	"replied_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_status" CHECK (status IN ('open', 'replied', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "provider_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider_id" integer NOT NULL,
	"school_id" integer NOT NULL,
	"project" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"student_count" integer NOT NULL,
	"total_hours" numeric(10, 2) NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"review_comment" text,
	"submitted_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_reports_status" CHECK (status IN ('submitted', 'confirmed', 'rejected')),
	CONSTRAINT "provider_reports_period" CHECK ("provider_reports"."period_to" >= "provider_reports"."period_from"),
	CONSTRAINT "provider_reports_counts" CHECK ("provider_reports"."student_count" >= 0 AND "provider_reports"."total_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"school_id" integer,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"comment" text,
	"data" jsonb
);
--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_assignments" ADD CONSTRAINT "provider_assignments_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_assignments" ADD CONSTRAINT "provider_assignments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_regions" ADD CONSTRAINT "user_regions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_regions" ADD CONSTRAINT "user_regions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_policies" ADD CONSTRAINT "tier_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_plan_items" ADD CONSTRAINT "application_plan_items_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_plan_items" ADD CONSTRAINT "application_plan_items_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_certifications" ADD CONSTRAINT "instructor_certifications_instructor_id_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."instructors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructor_certifications" ADD CONSTRAINT "instructor_certifications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructors" ADD CONSTRAINT "instructors_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_required_courses" ADD CONSTRAINT "school_required_courses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_required_courses" ADD CONSTRAINT "school_required_courses_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "students" ADD CONSTRAINT "students_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_records" ADD CONSTRAINT "practice_records_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_records" ADD CONSTRAINT "practice_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_records" ADD CONSTRAINT "practice_records_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_registration_id_job_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."job_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_applications" ADD CONSTRAINT "job_applications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_fairs" ADD CONSTRAINT "job_fairs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_registrations" ADD CONSTRAINT "job_registrations_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_registrations" ADD CONSTRAINT "job_registrations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_proposals" ADD CONSTRAINT "content_proposals_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_proposals" ADD CONSTRAINT "content_proposals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content_proposals" ADD CONSTRAINT "content_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_reports" ADD CONSTRAINT "provider_reports_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_reports" ADD CONSTRAINT "provider_reports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_reports" ADD CONSTRAINT "provider_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schools_region_idx" ON "schools" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "schools_tier_status_idx" ON "schools" USING btree ("tier","status");--> statement-breakpoint
CREATE INDEX "provider_assignments_school_idx" ON "provider_assignments" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "login_attempts_email_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "users_school_idx" ON "users" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "plan_items_application_idx" ON "application_plan_items" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "applications_school_idx" ON "applications" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_in_flight" ON "applications" USING btree ("school_id") WHERE status IN ('draft', 'pending_regional', 'pending_hq', 'returned');--> statement-breakpoint
CREATE INDEX "agreements_school_idx" ON "agreements" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "agreements_status_idx" ON "agreements" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_one_live" ON "agreements" USING btree ("school_id") WHERE status IN ('active', 'rectifying');--> statement-breakpoint
CREATE INDEX "evaluations_school_idx" ON "evaluations" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "instructor_certifications_school_idx" ON "instructor_certifications" USING btree ("school_id","valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "instructor_certifications_instructor_idx" ON "instructor_certifications" USING btree ("instructor_id");--> statement-breakpoint
CREATE INDEX "instructors_school_idx" ON "instructors" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "courses_school_idx" ON "courses" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "course_completions_school_idx" ON "course_completions" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "students_school_cohort_idx" ON "students" USING btree ("school_id","cohort_year");--> statement-breakpoint
CREATE INDEX "students_school_enrolled_idx" ON "students" USING btree ("school_id","enrolled_on","left_on");--> statement-breakpoint
CREATE INDEX "students_name_idx" ON "students" USING btree ("name");--> statement-breakpoint
CREATE INDEX "certificates_school_issued_idx" ON "certificates" USING btree ("school_id","issued_on");--> statement-breakpoint
CREATE INDEX "certificates_student_idx" ON "certificates" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "practice_records_school_date_idx" ON "practice_records" USING btree ("school_id","practiced_on");--> statement-breakpoint
CREATE INDEX "practice_records_student_idx" ON "practice_records" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "job_applications_student_date_idx" ON "job_applications" USING btree ("student_id","applied_on");--> statement-breakpoint
CREATE INDEX "job_applications_school_idx" ON "job_applications" USING btree ("school_id","applied_on");--> statement-breakpoint
CREATE INDEX "job_fairs_school_date_idx" ON "job_fairs" USING btree ("school_id","held_on");--> statement-breakpoint
CREATE INDEX "job_registrations_school_idx" ON "job_registrations" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "evidence_school_idx" ON "evidence_files" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "evidence_entity_idx" ON "evidence_files" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "content_proposals_provider_idx" ON "content_proposals" USING btree ("provider_id","status");--> statement-breakpoint
CREATE INDEX "feedback_school_idx" ON "feedback" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "feedback_provider_idx" ON "feedback" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_reports_school_idx" ON "provider_reports" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "provider_reports_provider_idx" ON "provider_reports" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","read_at","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_school_idx" ON "audit_events" USING btree ("school_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");