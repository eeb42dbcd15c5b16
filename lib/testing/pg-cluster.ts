// A throwaway PostgreSQL server for fault tests that restart, stop and kill it (never the shared test server).
// Uses Debian's postgresql binaries, as scripts/pg-test-server.sh does; as root it runs them as `postgres`.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export function pgBinDir(): string | null {
  try {
    const dirs = fs.readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b));
    for (const v of dirs.reverse()) {
      const bin = `/usr/lib/postgresql/${v}/bin`;
      if (fs.existsSync(`${bin}/initdb`) && fs.existsSync(`${bin}/pg_ctl`)) return bin;
    }
  } catch {}
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export type PgCluster = Awaited<ReturnType<typeof startPgCluster>>;

export async function startPgCluster() {
  const bin = pgBinDir();
  if (!bin) throw new Error("PostgreSQL binaries not found under /usr/lib/postgresql");
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wc-pgfault-"));
  if (root) execFileSync("chown", ["postgres", dir]);
  const port = await freePort();
  const run = (tool: string, args: string[]) =>
    root
      ? execFileSync("runuser", ["-u", "postgres", "--", `${bin}/${tool}`, ...args], { stdio: "pipe" })
      : execFileSync(`${bin}/${tool}`, args, { stdio: "pipe" });
  run("initdb", ["-D", `${dir}/data`, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", `${dir}/data`, "-l", `${dir}/log`, "-w", "-o", opts, ...args]);
  pgCtl("start");
  // Asynchronous from here on: the test process also hosts receivers whose arrival times are measured, and a
  // blocking pg_ctl would stall them (arrivals would bunch up and look like a rate-limit breach).
  const pgCtlAsync = async (...args: string[]) => {
    const argv = [`${bin}/pg_ctl`, "-D", `${dir}/data`, "-l", `${dir}/log`, "-w", "-o", opts, ...args];
    await promisify(execFile)(root ? "runuser" : argv[0], root ? ["-u", "postgres", "--", ...argv] : argv.slice(1));
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    /** `pg_ctl restart -m fast`: every connection is terminated (57P01), the server is back when this resolves. */
    restart: () => pgCtlAsync("restart", "-m", "fast"),
    stop: () => pgCtlAsync("stop", "-m", "fast"),
    start: () => pgCtlAsync("start"),
    log: () => fs.readFileSync(`${dir}/log`, "utf8"),
    destroy() {
      try {
        pgCtl("stop", "-m", "immediate");
      } catch {}
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
