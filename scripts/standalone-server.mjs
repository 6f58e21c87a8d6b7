// The portal's production server entry. `npm run build` copies this file over the server.js Next
// writes into .next/standalone (scripts/standalone.mjs), so the one command to run an instance is
//   node .next/standalone/server.js        (PORT, default 3000; HOSTNAME, default 0.0.0.0)
// It does what Next's own server.js does (its config, production mode, its request handler), but
// owns the http.Server: lib/server/http-server.ts logs a JSON line per request and, on SIGTERM,
// stops accepting, lets in-flight requests and exports finish (SHUTDOWN_TIMEOUT_MS), stops the
// jobs, closes the pool and exits 0. Next's own server exits with 143 at once on SIGTERM.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import module from "node:module";

const require = module.createRequire(import.meta.url);
const dir = path.dirname(fileURLToPath(import.meta.url));

process.env.NODE_ENV = "production";
// The embedded database and the generated session key stay where the server was started from
// (.data there, as with `npm run dev`), not inside .next, which the next build empties.
process.env.DATA_DIR ||= path.resolve(".data");
process.chdir(dir);

const port = parseInt(process.env.PORT ?? "", 10) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";
const { config } = JSON.parse(readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8"));
const conf = { ...config, distDir: "./.next" };
// How Next's standalone server hands the build's config to the server without next.config.mjs.
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);

// lib/server/start.ts settles this once instrumentation.ts has run: Next runs that hook when it
// creates its server, in the background of prepare() in production, so it is awaited here.
const started = new Promise((resolve, reject) => (globalThis.__billingPortalEntry = { resolve, reject }));

const next = require("next");
const app = next({ dev: false, dir, hostname, port, conf });
try {
  await app.prepare();
  // Settings checked (the process exits naming a missing or wrong one), migrations applied under
  // the advisory lock, jobs started; then lib/server/http-server.ts serves.
  const portal = await started;
  await portal.servePortal({ handle: app.getRequestHandler(), port, hostname });
} catch (error) {
  console.error(error);
  process.exit(1);
}
