ALTER TABLE "api_keys" ADD COLUMN "created_by_user_id" uuid REFERENCES "users"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "target_kind" text DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "target_id" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD COLUMN "requester_person_id" text;--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "must_change_password";--> statement-breakpoint
CREATE TABLE "invites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL REFERENCES "organizations"("id") ON DELETE CASCADE,
	"email" text NOT NULL,
	"name" text,
	"roles" text[] NOT NULL,
	"token_hash" text NOT NULL UNIQUE,
	"invited_by_id" text NOT NULL,
	"invited_by_label" text NOT NULL,
	"change_request_id" uuid,
	"awaiting_approval" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp with time zone
);--> statement-breakpoint
CREATE INDEX "invites_org_idx" ON "invites" USING btree ("org_id","created_at");
