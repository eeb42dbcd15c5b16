import { describe, expect, it } from "vitest";
import { maxInAnyWindow } from "@/lib/testing/max-in-window";
import { prng } from "@/lib/testing/prng";
import { reserveSlots, slotSpacingMs, slotToleranceMs } from "./rate-limit";

describe("reserveSlots", () => {
  it.each([
    [1, 1080],
    [10, 108],
    [100, 11],
  ])("spaces sends for limit %i by %i ms", (limit, spacing) => {
    expect(slotSpacingMs(limit)).toBe(spacing);
  });

  it("starts now when the webhook is idle and only reserves within the horizon", () => {
    expect(reserveSlots({ now: 10_000, nextSlotAt: null, limit: 10, wanted: 3 })).toEqual({
      slots: [10_000, 10_108, 10_216],
      nextSlotAt: 10_324,
    });
    const many = reserveSlots({ now: 10_000, nextSlotAt: 5_000, limit: 10, wanted: 50 });
    expect(many.slots).toHaveLength(10);
    expect(many.slots.at(-1)).toBe(10_972);
    expect(many.nextSlotAt).toBe(11_080);
  });

  it("continues from a future nextSlotAt and reserves nothing past the horizon", () => {
    expect(reserveSlots({ now: 0, nextSlotAt: 900, limit: 1, wanted: 5 })).toEqual({ slots: [900], nextSlotAt: 1_980 });
    expect(reserveSlots({ now: 0, nextSlotAt: 1_980, limit: 1, wanted: 5 })).toEqual({ slots: [], nextSlotAt: 1_980 });
    expect(reserveSlots({ now: 0, nextSlotAt: 1_980, limit: 1, wanted: 5, horizonMs: 5_000 }).slots).toEqual([1_980, 3_060, 4_140]);
    expect(reserveSlots({ now: 0, nextSlotAt: null, limit: 5, wanted: 0 })).toEqual({ slots: [], nextSlotAt: 0 });
  });

  it.each([1, 10, 100])("never lets any 1 s window exceed limit %i, whatever the workers' clocks say", (limit) => {
    // Workers reserve one after another (the engine updates nextSlotAt conditionally); their clocks may disagree.
    for (let seed = 1; seed <= 20; seed++) {
      const rand = prng(seed * limit);
      let now = 1_000_000;
      let nextSlotAt: number | null = null;
      const sent: number[] = [];
      for (let round = 0; round < 400; round++) {
        now += Math.floor(rand() * rand() * 1_500) - (rand() < 0.3 ? 200 : 0);
        const wanted = Math.floor(rand() * limit * 2) + 1;
        const horizonMs = rand() < 0.2 ? 5_000 : 1_000;
        const reserved = reserveSlots({ now, nextSlotAt, limit, wanted, horizonMs });
        const outside = reserved.slots.filter((slot) => slot < now || slot >= now + horizonMs);
        expect(outside).toEqual([]);
        expect(reserved.slots.length).toBeLessThanOrEqual(wanted);
        sent.push(...reserved.slots);
        nextSlotAt = reserved.nextSlotAt;
      }
      expect(maxInAnyWindow(sent)).toBeLessThanOrEqual(limit);
    }
  });

  it.each([1, 10, 100])("still sends close to limit %i per second under constant demand", (limit) => {
    let nextSlotAt: number | null = null;
    const sent: number[] = [];
    for (let now = 0; now < 10_000; now += 50) {
      const reserved = reserveSlots({ now, nextSlotAt, limit, wanted: limit });
      sent.push(...reserved.slots);
      nextSlotAt = reserved.nextSlotAt;
    }
    expect(maxInAnyWindow(sent)).toBe(Math.ceil(1000 / slotSpacingMs(limit)));
    expect(sent.filter((t) => t >= 5_000 && t < 6_000).length).toBeGreaterThanOrEqual(Math.floor(limit * 0.9));
  });
});

describe("slotToleranceMs", () => {
  it.each([1, 2, 7, 10, 20, 33, 100])("keeps every window at limit %i even when each send arrives up to three times the tolerance late", (limit) => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = prng(seed * 7919 + limit);
      const spacing = slotSpacingMs(limit);
      const late = 3 * slotToleranceMs(limit);
      expect(late).toBeGreaterThanOrEqual(75);
      // Consecutive slots; the worst case is some sends maximally late and their neighbours on time.
      const sent = Array.from({ length: limit * 10 }, (_, i) => i * spacing + (rand() < 0.5 ? late : Math.floor(rand() * late)));
      expect(maxInAnyWindow(sent)).toBeLessThanOrEqual(limit);
    }
    // The bound is tight: the first send later than limit × spacing − 1000 shares a window with limit more.
    const spacing = slotSpacingMs(limit);
    const tooLate = Array.from({ length: limit + 1 }, (_, i) => Math.max(i * spacing, limit * spacing - 999));
    expect(maxInAnyWindow(tooLate)).toBe(limit + 1);
  });
});

describe("maxInAnyWindow", () => {
  it.each([
    [[], 0],
    [[5], 1],
    [[0, 999], 2],
    [[0, 1000], 1],
    [[0, 500, 999, 1000, 1499], 4],
    [[3000, 0, 2000, 1000, 2500], 2],
  ])("%j → %i", (timestamps, expected) => {
    expect(maxInAnyWindow(timestamps)).toBe(expected);
  });

  it("takes a window length", () => {
    expect(maxInAnyWindow([0, 100, 200, 300], 250)).toBe(3);
  });
});
