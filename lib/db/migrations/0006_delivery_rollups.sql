CREATE TABLE "delivery_rollups" (
	"org_id" uuid NOT NULL,
	"webhook_id" uuid NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"bucket_seconds" integer NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"diverted" integer DEFAULT 0 NOT NULL,
	"duration_ms_sum" bigint DEFAULT 0 NOT NULL,
	"le_25" integer DEFAULT 0 NOT NULL,
	"le_50" integer DEFAULT 0 NOT NULL,
	"le_100" integer DEFAULT 0 NOT NULL,
	"le_250" integer DEFAULT 0 NOT NULL,
	"le_500" integer DEFAULT 0 NOT NULL,
	"le_1000" integer DEFAULT 0 NOT NULL,
	"le_2500" integer DEFAULT 0 NOT NULL,
	"le_5000" integer DEFAULT 0 NOT NULL,
	"le_10000" integer DEFAULT 0 NOT NULL,
	"le_inf" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "delivery_rollups_webhook_id_bucket_seconds_bucket_start_pk" PRIMARY KEY("webhook_id","bucket_seconds","bucket_start")
);
--> statement-breakpoint
ALTER TABLE "delivery_rollups" ADD CONSTRAINT "delivery_rollups_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_rollups_org_time_idx" ON "delivery_rollups" USING btree ("org_id","bucket_start");--> statement-breakpoint
-- Backfill from the attempts already recorded (tests excluded, as the engine does): minute rows for the last day, hour rows before.
INSERT INTO "delivery_rollups" ("org_id", "webhook_id", "bucket_start", "bucket_seconds", "succeeded", "failed", "diverted", "duration_ms_sum",
	"le_25", "le_50", "le_100", "le_250", "le_500", "le_1000", "le_2500", "le_5000", "le_10000", "le_inf")
SELECT d.org_id, d.webhook_id,
	date_bin(CASE WHEN a.started_at >= now() - interval '1 day' THEN interval '1 minute' ELSE interval '1 hour' END, a.started_at, timestamptz '2000-01-01 00:00:00+00'),
	CASE WHEN a.started_at >= now() - interval '1 day' THEN 60 ELSE 3600 END,
	count(*) FILTER (WHERE a.response_status BETWEEN 200 AND 299),
	count(*) FILTER (WHERE NOT coalesce(a.response_status BETWEEN 200 AND 299, false) AND a.next_attempt_at IS NOT NULL),
	count(*) FILTER (WHERE NOT coalesce(a.response_status BETWEEN 200 AND 299, false) AND a.next_attempt_at IS NULL),
	sum(a.duration_ms),
	count(*) FILTER (WHERE a.duration_ms <= 25),
	count(*) FILTER (WHERE a.duration_ms > 25 AND a.duration_ms <= 50),
	count(*) FILTER (WHERE a.duration_ms > 50 AND a.duration_ms <= 100),
	count(*) FILTER (WHERE a.duration_ms > 100 AND a.duration_ms <= 250),
	count(*) FILTER (WHERE a.duration_ms > 250 AND a.duration_ms <= 500),
	count(*) FILTER (WHERE a.duration_ms > 500 AND a.duration_ms <= 1000),
	count(*) FILTER (WHERE a.duration_ms > 1000 AND a.duration_ms <= 2500),
	count(*) FILTER (WHERE a.duration_ms > 2500 AND a.duration_ms <= 5000),
	count(*) FILTER (WHERE a.duration_ms > 5000 AND a.duration_ms <= 10000),
	count(*) FILTER (WHERE a.duration_ms > 10000)
FROM "attempts" a JOIN "deliveries" d ON d.id = a.delivery_id
WHERE NOT d.is_test
GROUP BY 1, 2, 3, 4;
