// npm run build:bin — compile the worker, CLI, migrate and seed entry points to dist/*.js (run by `npm run build`),
// so production runs JavaScript and tsx stays a development tool. Packages stay external: node_modules is resolved
// at run time, with `--conditions=react-server` so `import "server-only"` resolves to its empty module.
import { build } from "esbuild";

await build({
  entryPoints: { worker: "scripts/worker.ts", cli: "scripts/cli.ts", "db-migrate": "scripts/db-migrate.ts", "db-seed": "scripts/db-seed.ts" },
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  conditions: ["react-server"],
  tsconfig: "tsconfig.json",
  sourcemap: true,
  logLevel: "warning",
});
console.log("built dist/worker.js, dist/cli.js, dist/db-migrate.js, dist/db-seed.js");
