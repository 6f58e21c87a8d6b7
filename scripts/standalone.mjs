// Run by `npm run build` after `next build`: completes .next/standalone into a directory that can
// be copied to a server and started with `node .next/standalone/server.js`. Next leaves out the
// static assets (meant for a CDN) and public/; the migrations are read at start from db/migrations
// relative to the working directory; server.js becomes the portal's entry (scripts/standalone-server.mjs).
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const standalone = path.join(root, ".next", "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error('No .next/standalone/server.js: run `next build` with output: "standalone" first.');
  process.exit(1);
}

function replaceDir(from, to) {
  if (!existsSync(from)) return;
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

replaceDir(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"));
replaceDir(path.join(root, "public"), path.join(standalone, "public"));
replaceDir(path.join(root, "db", "migrations"), path.join(standalone, "db", "migrations"));
cpSync(path.join(root, "scripts", "standalone-server.mjs"), path.join(standalone, "server.js"));
console.log("standalone server ready: node .next/standalone/server.js");
