import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, dataDirHolder, DataDirBusyError } from "./data-dir-lock";

const run = promisify(execFile);

describe("one process per embedded data directory", () => {
  it("refuses a second holder while the first is alive, and frees the directory on release", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wc-lock-"));
    fs.writeFileSync(path.join(dir, "LOCK"), String(process.ppid)); // a live process other than us
    expect(dataDirHolder(dir)).toBe(process.ppid);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirBusyError);
    fs.writeFileSync(path.join(dir, "LOCK"), "999999999"); // a dead process: a stale lock is taken over
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, "LOCK"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "LOCK"))).toBe(false);
  });

  it("the CLI refuses to open a directory the console holds, with a clear message", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wc-cli-"));
    fs.writeFileSync(path.join(dir, "LOCK"), String(process.pid));
    const cli = run("npx", ["tsx", "--conditions=react-server", "scripts/cli.ts", "api-key", "create", "--org", "acme", "--roles", "admin", "--name", "ci"], {
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "" },
    });
    await expect(cli).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("open in another process") });
  }, 60_000);
});
