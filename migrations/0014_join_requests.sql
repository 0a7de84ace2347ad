CREATE TABLE "join_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"school_name" text NOT NULL,
	"province" text NOT NULL,
	"kind" text NOT NULL,
	"contact_name" text NOT NULL,
	"email" text NOT NULL,
	"email_domain" text NOT NULL,
	"phone" text NOT NULL,
	"tier" text NOT NULL,
	"locale" text DEFAULT 'zh' NOT NULL,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"confirm_token_hash" text NOT NULL,
	"confirm_expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"decline_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"school_id" integer,
	"invited_user_id" integer,
	"requester_address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "join_requests_status" CHECK (status IN ('unconfirmed', 'pending', 'accepted', 'declined', 'expired')),
	CONSTRAINT "join_requests_tier" CHECK (tier IN ('industry_college', 'talent_base', 'pilot_1x', 'partner_school')),
	CONSTRAINT "join_requests_kind" CHECK (kind IN ('university', 'vocational')),
	CONSTRAINT "join_requests_email_lower" CHECK ("join_requests"."email" = lower("join_requests"."email")),
	CONSTRAINT "join_requests_decline_reason" CHECK ("join_requests"."status" <> 'declined' OR "join_requests"."decline_reason" IS NOT NULL),
	CONSTRAINT "join_requests_accepted_school" CHECK ("join_requests"."status" <> 'accepted' OR "join_requests"."school_id" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_invited_user_id_users_id_fk" FOREIGN KEY ("invited_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "join_requests_token_idx" ON "join_requests" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "join_requests_domain_idx" ON "join_requests" USING btree ("email_domain","created_at");--> statement-breakpoint
CREATE INDEX "join_requests_status_idx" ON "join_requests" USING btree ("status","created_at");