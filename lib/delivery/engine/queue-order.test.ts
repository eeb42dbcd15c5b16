import { describe, expect, it } from "vitest";
import { queueOrder } from "./queue-order";

describe("queue order", () => {
  it("holds back a webhook's later sends until everything given back before them is released", () => {
    const order = queueOrder();
    expect(order.mayGo("w1")).toBe(true);
    order.givenBack("d1", "w1"); // missed its slot
    expect(order.mayGo("w1")).toBe(false);
    expect(order.mayGo("w2")).toBe(true); // other webhooks are not held
    order.givenBack("d2", "w1"); // reached its slot after d1 missed: held back too
    order.released(["d1"]);
    expect(order.mayGo("w1")).toBe(false);
    order.released(["d2", "unknown"]);
    expect(order.mayGo("w1")).toBe(true);
  });
});
