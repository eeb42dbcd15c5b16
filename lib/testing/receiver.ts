// A real HTTP receiver on 127.0.0.1 for tests: records every request, answers with a swappable handler.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = {
  time: number;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
};
export type ReceiverHandler = (request: ReceivedRequest, res: http.ServerResponse) => unknown;

export type Receiver = {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** TCP connections accepted so far (requests that were never sent still count here). */
  connections: number;
  setHandler(handler: ReceiverHandler): void;
  close(): Promise<void>;
};

const answerOk: ReceiverHandler = (_request, res) => {
  res.writeHead(200, { "content-type": "text/plain" }).end("ok");
};

export async function startReceiver({ handler = answerOk }: { handler?: ReceiverHandler } = {}): Promise<Receiver> {
  let current = handler;
  const requests: ReceivedRequest[] = [];
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const time = Date.now(); // arrival, before the body is read
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: ReceivedRequest = {
      time,
      method: req.method ?? "",
      path: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks).toString("utf8"),
    };
    requests.push(request);
    try {
      await current(request, res);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  };
  const server = http.createServer((req, res) => void handle(req, res));
  const receiver: Receiver = {
    url: "",
    port: 0,
    requests,
    connections: 0,
    setHandler(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on("connection", () => {
    receiver.connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}`;
  return receiver;
}
