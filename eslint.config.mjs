import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import checkFile from "eslint-plugin-check-file";
import fs from "node:fs";

/**
 * Feature folders of components/ import each other only through components/ui (the shared kit)
 * or a file the other feature declares public here. Anything else is a hidden coupling: move the
 * shared piece to components/ui, or make it public on purpose.
 */
const PUBLIC_COMPONENTS = [
  "auth/sign-out-button",
  "i18n/language-switcher",
  "notifications/notification-bell",
  "notices/issue-notice-link",
  "notices/deadline",
  "ledger/indicator-format",
  "audit/audit-link",
  "catalogue/programme-nav",
];
const FEATURES = fs
  .readdirSync("components", { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "ui")
  .map((entry) => entry.name);
// Globs on both sides: the rule matches `except` globs against the resolved absolute path.
const featureZones = FEATURES.map((feature) => ({
  target: `./components/${feature}`,
  from: "./components/**",
  except: [
    "**/components/ui/**",
    `**/components/${feature}/**`,
    ...PUBLIC_COMPONENTS.map((file) => `**/components/${file}.*`),
  ],
  message: "Feature folders meet only in components/ui or a public file (eslint.config.mjs).",
}));

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
            ...featureZones,
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
    // kebab-case file and folder names; Next's route folders keep their (group), [param] forms.
    files: [
      "app/**/*.{ts,tsx}",
      "components/**/*.{ts,tsx}",
      "lib/**/*.{ts,tsx}",
      "e2e/**/*.ts",
      "tests/**/*.ts",
      "scripts/**/*.{ts,mjs}",
    ],
    ignores: ["lib/generated/**"],
    plugins: { "check-file": checkFile },
    rules: {
      "check-file/filename-naming-convention": [
        "error",
        { "**/*.{ts,tsx,mjs}": "KEBAB_CASE" },
        { ignoreMiddleExtensions: true },
      ],
      "check-file/folder-naming-convention": [
        "error",
        {
          "app/**/": "NEXT_JS_APP_ROUTER_CASE",
          "{components,lib,e2e,tests,scripts}/**/": "KEBAB_CASE",
        },
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
]);
