// npm run build:bin — compile the worker, CLI, migrate and seed entry points to dist/*.js (run by `npm run build`),
// so production runs JavaScript and tsx stays a development tool. Packages stay external: node_modules is resolved
// at run time, with `--conditions=react-server` so `import "server-only"` resolves to its empty module.
//   node scripts/build-bin.mjs [outdir [entry…]]   (the tests build the worker this way, so they run what production runs)
import { build } from "esbuild";

const all = {
  worker: "scripts/worker.ts",
  "engine-thread": "lib/delivery/engine/engine-thread.ts", // the web server's engine, in a thread of its own
  cli: "scripts/cli.ts",
  "db-migrate": "scripts/db-migrate.ts",
  "db-seed": "scripts/db-seed.ts",
};
const [outdir = "dist", ...only] = process.argv.slice(2);
const entryPoints = only.length ? Object.fromEntries(only.map((name) => [name, all[name]])) : all;
if (Object.values(entryPoints).includes(undefined)) throw new Error(`unknown entry in ${only.join(", ")}: one of ${Object.keys(all).join(", ")}`);

await build({
  entryPoints,
  outdir,
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
console.log(
  `built ${Object.keys(entryPoints)
    .map((name) => `${outdir}/${name}.js`)
    .join(", ")}`,
);
