-- Hour rows are now written alongside minute rows (charts of 24 hours and more read hours only; minute rows are
-- dropped after a day). Until now an attempt of the last day was counted only in its minute row: add those to hours.
INSERT INTO "delivery_rollups" ("org_id", "webhook_id", "bucket_start", "bucket_seconds", "succeeded", "failed", "diverted", "duration_ms_sum",
	"le_25", "le_50", "le_100", "le_250", "le_500", "le_1000", "le_2500", "le_5000", "le_10000", "le_inf")
SELECT "org_id", "webhook_id", date_bin(interval '1 hour', "bucket_start", timestamptz '2000-01-01 00:00:00+00'), 3600,
	sum("succeeded"), sum("failed"), sum("diverted"), sum("duration_ms_sum"),
	sum("le_25"), sum("le_50"), sum("le_100"), sum("le_250"), sum("le_500"), sum("le_1000"), sum("le_2500"), sum("le_5000"), sum("le_10000"), sum("le_inf")
FROM "delivery_rollups" WHERE "bucket_seconds" = 60
GROUP BY 1, 2, 3
ON CONFLICT ("webhook_id", "bucket_seconds", "bucket_start") DO UPDATE SET
	"succeeded" = "delivery_rollups"."succeeded" + excluded."succeeded", "failed" = "delivery_rollups"."failed" + excluded."failed",
	"diverted" = "delivery_rollups"."diverted" + excluded."diverted", "duration_ms_sum" = "delivery_rollups"."duration_ms_sum" + excluded."duration_ms_sum",
	"le_25" = "delivery_rollups"."le_25" + excluded."le_25", "le_50" = "delivery_rollups"."le_50" + excluded."le_50",
	"le_100" = "delivery_rollups"."le_100" + excluded."le_100", "le_250" = "delivery_rollups"."le_250" + excluded."le_250",
	"le_500" = "delivery_rollups"."le_500" + excluded."le_500", "le_1000" = "delivery_rollups"."le_1000" + excluded."le_1000",
	"le_2500" = "delivery_rollups"."le_2500" + excluded."le_2500", "le_5000" = "delivery_rollups"."le_5000" + excluded."le_5000",
	"le_10000" = "delivery_rollups"."le_10000" + excluded."le_10000", "le_inf" = "delivery_rollups"."le_inf" + excluded."le_inf";
--> statement-breakpoint
-- A range reads one granularity: the index leads with it after the org, so 24 h reads 24 hour rows per webhook, not
-- 1,440 minute rows filtered away.
DROP INDEX IF EXISTS "delivery_rollups_org_time_idx";--> statement-breakpoint
CREATE INDEX "delivery_rollups_org_bucket_time_idx" ON "delivery_rollups" USING btree ("org_id","bucket_seconds","bucket_start");
