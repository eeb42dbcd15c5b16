import fs from "node:fs";
import path from "node:path";

export class DataDirBusyError extends Error {
  constructor(
    public readonly pid: number,
    dir: string,
  ) {
    super(
      `The embedded database in ${dir} is open in another process (pid ${pid}). ` +
        `PGlite allows one process per data directory: stop that process, or use its API, or set DATABASE_URL.`,
    );
  }
}

/** Whether a process with this pid exists (EPERM: it exists, owned by another user). */
export function isProcessAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Returns the pid holding the data directory, if a live process holds it. */
export function dataDirHolder(dataDir: string): number | null {
  const file = path.join(dataDir, "LOCK");
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, "utf8").trim());
  return pid && pid !== process.pid && isProcessAlive(pid) ? pid : null;
}

/** One process per PGlite directory, ever: a second one would silently lose writes. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "LOCK");
  const holder = dataDirHolder(dataDir);
  if (holder) throw new DataDirBusyError(holder, dataDir);
  fs.writeFileSync(file, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {}
  };
  process.once("exit", release);
  return release;
}
