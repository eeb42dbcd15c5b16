import { describe, expect, it } from "vitest";
import { groupByMinute, latencyBucket } from "./rollups";

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

  it("adds attempts of one webhook and minute into one row, sorted by webhook then minute", () => {
    const at = (iso: string) => new Date(iso);
    const rows = groupByMinute([
      { orgId: "o", webhookId: "b", startedAt: at("2026-01-01T10:00:59Z"), durationMs: 30, outcome: "failed" },
      { orgId: "o", webhookId: "a", startedAt: at("2026-01-01T10:01:00Z"), durationMs: 10, outcome: "succeeded" },
      { orgId: "o", webhookId: "b", startedAt: at("2026-01-01T10:00:01Z"), durationMs: 20.4, outcome: "diverted" },
    ]);
    expect(rows.map((r) => [r.webhookId, r.bucketStart.toISOString()])).toEqual([
      ["a", "2026-01-01T10:01:00.000Z"],
      ["b", "2026-01-01T10:00:00.000Z"],
    ]);
    // succeeded, failed, diverted, duration sum, then the 10 latency buckets
    expect(rows[1].counts).toEqual([0, 1, 1, 50, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
