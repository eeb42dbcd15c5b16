DROP INDEX "deliveries_due_idx";--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "retry_base" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "diverted_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "deliveries_org_status_idx" ON "deliveries" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("next_attempt_at") WHERE status in ('pending', 'failed', 'sending');