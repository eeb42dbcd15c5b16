import { describe, expect, it } from "vitest";
import { groupByBucket, latencyBucket } from "./rollups";

describe("rollup grouping", () => {
  it.each([
    [0, 0],
    [25, 0],
    [26, 1],
    [100, 2],
    [999, 5],
    [10_000, 8],
    [15_000, 9],
  ])("%i ms falls in bucket %i", (ms, bucket) => expect(latencyBucket(ms)).toBe(bucket));

  it("adds each attempt to its minute row and its hour row, in one fixed order (webhook, granularity, time as text)", () => {
    const at = (iso: string) => new Date(iso);
    const rows = groupByBucket([
      { orgId: "o", webhookId: "b", startedAt: at("2026-01-01T10:00:59Z"), durationMs: 30, outcome: "failed" },
      { orgId: "o", webhookId: "a", startedAt: at("2026-01-01T10:01:00Z"), durationMs: 10, outcome: "succeeded" },
      { orgId: "o", webhookId: "b", startedAt: at("2026-01-01T10:00:01Z"), durationMs: 20.4, outcome: "diverted" },
      { orgId: "o", webhookId: "b", startedAt: at("2026-01-01T10:59:00Z"), durationMs: 200, outcome: "succeeded" },
    ]);
    expect(rows.map((r) => [r.webhookId, r.bucketSeconds, r.bucketStart.toISOString()])).toEqual([
      ["a", 3600, "2026-01-01T10:00:00.000Z"],
      ["a", 60, "2026-01-01T10:01:00.000Z"],
      ["b", 3600, "2026-01-01T10:00:00.000Z"],
      ["b", 60, "2026-01-01T10:00:00.000Z"],
      ["b", 60, "2026-01-01T10:59:00.000Z"],
    ]);
    // succeeded, failed, diverted, duration sum, then the 10 latency buckets
    expect(rows[3].counts).toEqual([0, 1, 1, 50, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(rows[2].counts).toEqual([1, 1, 1, 250, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
  });
});
