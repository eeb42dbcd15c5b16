import { describe, expect, it } from "vitest";
import { queueOrder } from "./queue-order";

describe("queue order", () => {
  it("a missed slot holds back its webhook's deliveries waiting for theirs, and sends back those claimed meanwhile", () => {
    const order = queueOrder();
    const d2 = order.ticket("w1", order.now())!; // dispatched with d1, a later slot
    const other = order.ticket("w2", order.now())!;
    order.givenBack("d1", "w1", { missedSlot: true });
    expect(d2.signal.aborted).toBe(true);
    expect(other.signal.aborted).toBe(false); // other webhooks are not held
    order.givenBack("d2", "w1", { missedSlot: false });
    expect(order.ticket("w1", order.now())).toBeNull(); // claimed while d1 and d2 are held: straight back
    order.released(["d1", "unknown"]);
    expect(order.ticket("w1", order.now())).toBeNull(); // d2 is still held
    order.released(["d2"]);
    const again = order.ticket("w1", order.now())!; // the next claim, with d1 and d2 among them
    expect(again.signal.aborted).toBe(false);
    order.givenBack("d9", "w1", { missedSlot: false }); // holding back (a shutdown) is not a miss: the rest may go
    expect(again.signal.aborted).toBe(false);
    order.released(["d9"]);
    const later = order.ticket("w1", order.now())!;
    again.missed(); // the moment a send finds its slot passed: the rest of the line is held back at once
    expect(later.signal.aborted).toBe(true);
  });

  it("sends back a claim read before a give-back of its webhook, even once that one is released", () => {
    const order = queueOrder();
    const claimedAt = order.now(); // the claim reads while d1 is still leased, and takes d2 and d3
    order.givenBack("d1", "w1", { missedSlot: true });
    order.released(["d1"]);
    expect(order.ticket("w1", claimedAt)).toBeNull();
    expect(order.ticket("w2", claimedAt)).not.toBeNull();
    expect(order.ticket("w1", order.now())).not.toBeNull(); // a claim read after the release takes d1 first
  });

  it("sends back a claim read after a give-back but before its release, whose snapshot still saw it leased", () => {
    const order = queueOrder();
    order.givenBack("d1", "w1", { missedSlot: true });
    const claimedAt = order.now(); // d1's release has not committed yet: the claim skips d1 and takes d2
    order.released(["d1"]);
    expect(order.ticket("w1", claimedAt)).toBeNull();
    expect(order.ticket("w1", order.now())).not.toBeNull(); // the next claim reads d1 as due, and takes it first
  });
});
