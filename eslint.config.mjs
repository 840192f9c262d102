import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import checkFile from "eslint-plugin-check-file";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "lib/generated/**",
    "node_modules/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
  {
    settings: {
      "import/resolver": { typescript: { alwaysTryTypes: true, project: "./tsconfig.json" } },
    },
    rules: {
      // Dependencies point one way: app -> components -> lib, and app -> lib.
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ never imports from app/." },
            {
              target: "./lib",
              from: "./components",
              message: "lib/ never imports from components/.",
            },
            {
              target: "./components",
              from: "./app",
              message: "components/ never import from app/.",
            },
          ],
        },
      ],
      "import/no-cycle": ["error", { maxDepth: 10, ignoreExternal: true }],
      // Database access stays in lib/: components and pages call use cases and queries.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/generated/*", "**/lib/generated/*"],
              importNames: ["PrismaClient"],
              message: "Use getDb() from lib/db/client.",
            },
          ],
        },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/db/client",
              message: "No database calls in app/ or components/: call a lib/ use case or query.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**", "tests/**", "e2e/**", "lib/db/**", "*.config.*"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // File names in kebab-case (ledger-view.tsx, use-entry-submit.ts), and the folders of
    // components/ too. Next's route folders ([id], (app)) are not checked.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "e2e/**/*.ts"],
    plugins: { "check-file": checkFile },
    rules: {
      "check-file/filename-naming-convention": [
        "error",
        { "**/*.{ts,tsx}": "KEBAB_CASE" },
        { ignoreMiddleExtensions: true },
      ],
      "check-file/folder-naming-convention": ["error", { "components/**/": "KEBAB_CASE" }],
    },
  },
]);
