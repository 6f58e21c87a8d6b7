// Starts Debian's pgbouncer in transaction mode in front of the test PostgreSQL server, on a
// loopback port, for tests that must hold through a transaction pooler (as a production deployment
// runs). Every client connection's transactions may run on a different server connection.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const PGBOUNCER = "/usr/sbin/pgbouncer";

export function hasPgbouncer(): boolean {
  return spawnSync(PGBOUNCER, ["--version"]).status === 0;
}

export type Pgbouncer = { url: (database: string) => string; stop: () => Promise<void> };

export async function startPgbouncer(serverUrl: string, port: number, poolSize = 3): Promise<Pgbouncer> {
  const server = new URL(serverUrl);
  const dir = mkdtempSync(path.join(os.tmpdir(), "pgbouncer-"));
  const ini = path.join(dir, "pgbouncer.ini");
  writeFileSync(
    ini,
    [
      "[databases]",
      `* = host=${server.hostname} port=${server.port || 5432} user=${decodeURIComponent(server.username) || "postgres"}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "auth_type = any",
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "unix_socket_dir =",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      "",
    ].join("\n"),
  );
  // pgbouncer refuses to run as root; as root it is started as postgres, which must read the directory.
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const child = spawn(PGBOUNCER, [...(asRoot ? ["-u", "postgres"] : []), ini], { stdio: "ignore" });
  await waitForPort(port);
  return {
    url: (database) => `postgres://${server.username || "postgres"}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGINT");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`pgbouncer did not listen on ${port}`);
}
