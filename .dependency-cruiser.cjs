// Layer rules (DESIGN §2, shared STYLE rule 15): arrows point down, and this file says so.
// `npm run lint` runs it; every rule is an error, so a new arrow pointing up fails the build.
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle makes load order matter; move what both sides need into a third module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "components-not-to-server",
      severity: "error",
      comment: "components/ render data they are given: no services, no database, no routes. Shared types and role lists live in lib/schemas.",
      from: { path: "^components/" },
      to: { path: "^(lib/server|lib/db|app)/" },
    },
    {
      name: "lib-not-to-ui",
      severity: "error",
      comment:
        "lib/ is below the UI: it never imports components/ or app/. Integration tests (and their lib/testing helpers) call route handlers as real parts.",
      from: { path: "^lib/", pathNot: ["\\.test\\.tsx?$", "^lib/testing/"] },
      to: { path: "^(components|app)/" },
    },
    {
      name: "auth-through-services",
      severity: "error",
      comment: "lib/auth (next-auth wiring, the session) reaches the database only through lib/server services.",
      from: { path: "^lib/auth/" },
      to: { path: "^lib/db/" },
    },
    {
      name: "db-not-to-server",
      severity: "error",
      comment: "lib/db is the bottom layer: services use it, never the other way round.",
      from: { path: "^lib/db/" },
      to: { path: "^lib/server/" },
    },
    {
      name: "api-routes-through-services",
      severity: "error",
      comment: "app/api routes are thin adapters over lib/server: they never query the database themselves.",
      from: { path: "^app/api/" },
      to: { path: "^lib/db/" },
    },
    {
      name: "client-not-to-app-actions",
      severity: "error",
      comment: "Client components take server actions from lib/actions/<domain>.ts (or as props), never from app/**/actions.ts.",
      from: { path: "\\.tsx$", pathNot: "^app/.*/(page|layout|not-found|forbidden)\\.tsx$" },
      to: { path: "^app/.*actions\\.ts$" },
    },
    {
      name: "pages-not-to-db",
      severity: "error",
      comment: "Pages and layouts load data through lib/server services (which check permissions), never lib/db directly.",
      from: { path: "^app/", pathNot: "^app/api/" },
      to: { path: "^lib/db/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|dist|\\.data[^/]*)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
