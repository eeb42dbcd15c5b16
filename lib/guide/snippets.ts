import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** The receivers the consumer guide shows. Each is a real file that lib/guide/receivers.test.ts runs or checks. */
export const SNIPPETS = [
  { id: "node", label: "Node.js (TypeScript)", file: "receiver.ts", officialLibrary: "npm install standardwebhooks", run: "npx tsx receiver.ts" },
  { id: "python", label: "Python", file: "receiver.py", officialLibrary: "pip install standardwebhooks", run: "python3 receiver.py" },
  { id: "go", label: "Go", file: "receiver.go", officialLibrary: "github.com/standard-webhooks/standard-webhooks/libraries/go", run: "go run receiver.go" },
  { id: "java", label: "Java", file: "Receiver.java", officialLibrary: "com.standardwebhooks:standardwebhooks", run: "java Receiver.java" },
] as const;

export type Snippet = (typeof SNIPPETS)[number] & { source: string };

// Read from the source tree at render time (the page is dynamic), so what the page shows is what the tests run.
const dir = path.join(process.cwd(), "lib/guide/snippets");

export async function loadSnippets(): Promise<Snippet[]> {
  return Promise.all(SNIPPETS.map(async (s) => ({ ...s, source: await readFile(path.join(dir, s.file), "utf8") })));
}
