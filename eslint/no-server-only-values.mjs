// Local ESLint rule: a file may not import values from a module that starts with
// `import "server-only"` (database access, secrets). Type-only imports stay allowed, because
// they vanish at compile time. Used for components/, which render on both sides of the wire:
// a server-only value there either breaks a client bundle or hides a data fetch from the page.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];
const SERVER_ONLY = /^\s*import\s+["']server-only["']/m;
const cache = new Map();
// `@/…` is the repository root (tsconfig paths), which is this folder's parent whatever the cwd.
const ROOT = fileURLToPath(new URL("..", import.meta.url));

function resolveSource(source, importer) {
  let base;
  if (source.startsWith("@/")) base = path.join(ROOT, source.slice(2));
  else if (source.startsWith(".")) base = path.resolve(path.dirname(importer), source);
  else return null;
  const file = EXTENSIONS.map((ext) => base + ext).find((candidate) => existsSync(candidate));
  return file ?? null;
}

function isServerOnly(file) {
  if (!cache.has(file)) cache.set(file, SERVER_ONLY.test(readFileSync(file, "utf8")));
  return cache.get(file);
}

function importsOnlyTypes(node) {
  if (node.importKind === "type") return true;
  return node.specifiers.length > 0 && node.specifiers.every((s) => s.type === "ImportSpecifier" && s.importKind === "type");
}

export const noServerOnlyValues = {
  meta: {
    type: "problem",
    docs: { description: "Disallow importing values from server-only modules" },
    messages: {
      serverOnly: "'{{source}}' is a server-only module (database or secrets); import only its types here and let the page (app/) load the data and pass it in as props.",
    },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      if (!node.source || typeof node.source.value !== "string") return;
      if (node.type === "ImportDeclaration" && importsOnlyTypes(node)) return;
      if (node.exportKind === "type") return;
      const file = resolveSource(node.source.value, context.filename);
      if (file && isServerOnly(file)) context.report({ node: node.source, messageId: "serverOnly", data: { source: node.source.value } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
