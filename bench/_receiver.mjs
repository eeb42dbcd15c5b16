// A 200-OK receiver in its own process (so it does not share the engine's event loop).
// IPC: sends { port } when listening; answers { cmd: "take" } with every arrival since the last take.
import http from "node:http";

let arrivals = [];
const now = () => performance.timeOrigin + performance.now();
const server = http.createServer((req, res) => {
  const at = now();
  arrivals.push([req.headers["webhook-id"] ?? "", req.url, at]);
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "text/plain", "content-length": "2" }).end("ok"));
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
process.on("message", (msg) => {
  if (msg?.cmd !== "take") return;
  const taken = arrivals;
  arrivals = [];
  process.send({ arrivals: taken });
});
process.on("disconnect", () => process.exit(0));
