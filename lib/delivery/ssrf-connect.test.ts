import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Agent, request } from "undici";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { createGuardedConnector, createGuardedLookup, parseAllowedCidrs } from "./ssrf";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

const hosts = (port: number) => [
  `http://127.0.0.1:${port}/`,
  `http://localhost:${port}/`,
  `http://[::ffff:7f00:1]:${port}/`,
  `http://2130706433:${port}/`,
  `http://127.1:${port}/`,
  `http://0x7f.0.0.1:${port}/`,
];

async function send(url: string, agent: Agent) {
  try {
    const res = await request(url, { dispatcher: agent });
    await res.body.text();
    return res.statusCode;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

describe("guarded connector", () => {
  it("never opens a connection to a blocked address, in any spelling", async () => {
    const agent = new Agent({ connect: createGuardedConnector() });
    const before = receiver.connections;
    for (const url of hosts(receiver.port)) {
      expect(await send(url, agent), url).toBe("BLOCKED_ADDRESS");
    }
    expect(receiver.connections - before).toBe(0);
    await agent.close();
  });

  it("reaches the receiver when its range is allowed", async () => {
    const agent = new Agent({ connect: createGuardedConnector({ allowedCidrs: parseAllowedCidrs("127.0.0.0/8") }) });
    const before = receiver.requests.length;
    for (const url of hosts(receiver.port).filter((url) => !url.includes("localhost"))) {
      expect(await send(url, agent), url).toBe(200);
    }
    expect(receiver.requests.length - before).toBe(5);
    await agent.close();
  });

  const fakeDns = (addresses: string[]) =>
    ((_host: string, _options: unknown, callback: (err: null, all: { address: string; family: number }[]) => void) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
      )) as never;
  const lookupWith = (addresses: string[], options: { all?: boolean }) =>
    new Promise<unknown[]>((resolve) => createGuardedLookup({ resolve: fakeDns(addresses) })("receiver.example", options, (...args) => resolve(args)));

  it("refuses a name when ANY of its addresses is blocked", async () => {
    const [err] = await lookupWith(["8.8.8.8", "10.0.0.1"], { all: true });
    expect(err).toMatchObject({ code: "BLOCKED_ADDRESS", address: "10.0.0.1" });
    const [err6] = await lookupWith(["2606:4700::1111", "::ffff:169.254.169.254"], {});
    expect(err6).toMatchObject({ code: "BLOCKED_ADDRESS" });
  });

  it("hands back exactly the vetted addresses, so the socket needs no second lookup", async () => {
    expect(await lookupWith(["8.8.8.8", "2606:4700::1111"], { all: true })).toEqual([
      null,
      [
        { address: "8.8.8.8", family: 4 },
        { address: "2606:4700::1111", family: 6 },
      ],
    ]);
    expect(await lookupWith(["8.8.8.8"], {})).toEqual([null, "8.8.8.8", 4]);
  });
});
