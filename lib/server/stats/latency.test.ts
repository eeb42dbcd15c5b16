import { describe, expect, it } from "vitest";
import { percentileFromBuckets } from "./latency";

const empty = () => Array(10).fill(0);
describe("percentileFromBuckets", () => {
  it("is null without attempts", () => expect(percentileFromBuckets(empty(), 0.5)).toBeNull());
  it("interpolates inside the bucket holding the rank", () => {
    const c = empty();
    c[0] = 50; // ≤ 25 ms
    c[2] = 50; // 50–100 ms
    expect(percentileFromBuckets(c, 0.5)).toBe(25);
    expect(percentileFromBuckets(c, 0.95)).toBe(95);
  });
  it("answers the last finite bound for the open-ended bucket", () => {
    const c = empty();
    c[9] = 3;
    expect(percentileFromBuckets(c, 0.95)).toBe(10_000);
  });
});
