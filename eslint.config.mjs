import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { noServerOnlyValues } from "./eslint/no-server-only-values.mjs";

// The layering (docs/architecture.md): app/ → lib/<domain>/ → db/. Each layer imports only the
// one below it, so a reader follows any behaviour in one hop and authorization stays in lib/.
const from = (...dirs) => `^(@/|(\\.\\.?/)+)(${dirs.join("|")})(/|$)`;
const restrict = (...patterns) => ["error", { patterns }];

const noDb = { regex: from("db"), message: "app/ reaches the database through a lib/ function (which takes the viewer and checks)." };
const noApp = { regex: from("app"), message: "Only app/ imports from app/: the page passes its server actions and data in as props." };
const noAppInLib = { regex: from("app"), message: "lib/ is below app/ and never imports from it." };
const noComponents = { regex: from("components"), message: "lib/ holds logic only; rendering belongs in components/." };

// Settings are typed, defaulted and validated once, in lib/env.ts.
const noProcessEnv = ["error", { object: "process", property: "env", message: "Read settings through lib/env.ts (typed, defaulted, validated at start)." }];

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  { files: ["app/**"], rules: { "no-restricted-imports": restrict(noDb) } },
  {
    files: ["components/**"],
    plugins: { layering: { rules: { "no-server-only-values": noServerOnlyValues } } },
    rules: { "no-restricted-imports": restrict(noApp), "layering/no-server-only-values": "error" },
  },
  { files: ["lib/**"], rules: { "no-restricted-imports": restrict(noAppInLib, noComponents) } },
  {
    files: ["app/**", "components/**", "lib/**", "db/**", "proxy.ts"],
    ignores: ["lib/env.ts"],
    rules: { "no-restricted-properties": noProcessEnv },
  },
];

export default config;
