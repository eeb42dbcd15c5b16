// ESLint (flat config): Next's rules (core web vitals, React, hooks, a11y, import), typescript-eslint with type
// information, and the React hooks rules. `npm run lint` runs it with dependency-cruiser (layer rules).
// A rule is only ever switched off for one line, with its reason: `// eslint-disable-next-line rule -- why`.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: [".next/**", "dist/**", "node_modules/**", ".data*/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "lib/guide/snippets/**"] },
  ...nextVitals,
  ...nextTs,
  reactHooks.configs.flat["recommended-latest"],
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-expressions": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Server actions and route handlers are async functions handed to React/Next, which await them.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Tests read JSON off the wire (typed `any`) and check it with expect(); the no-unsafe-* rules would only make them
    // cast. `useTestDatabase` and Playwright's `use` are test fixtures, not React hooks.
    files: ["**/*.test.ts", "e2e/**", "bench/**", "lib/testing/**"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "react-hooks/rules-of-hooks": "off",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
