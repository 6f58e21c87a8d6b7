// The benches run outside Next.js: `server-only` becomes an empty module (as in Vitest) instead
// of the react-server export condition, which would also forbid react-dom/server, and the sweep
// renders its emails with it.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
      return next(specifier, context);
    }`),
);
