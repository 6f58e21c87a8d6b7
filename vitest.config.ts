import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": import.meta.dirname, "server-only": path.join(import.meta.dirname, "tests/setup/empty.ts") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          // Each test file gets its own fresh database (tests/setup/test-database.ts).
          setupFiles: ["tests/setup/test-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
