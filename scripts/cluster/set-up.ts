import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startFakeResend } from "@/tests/support/fake-resend";
import { cluster, query } from "./context";
import {
  check,
  DATABASE,
  dir,
  directUrl,
  instancePid,
  instanceUrl,
  log,
  nginxOneUrl,
  nginxUrl,
  PORTS,
  REFERENCE_DATABASE,
  startInstance,
  startNginx,
  startPgBouncer,
  startPostgres,
  waitUntilListening,
  waitUntilServing,
  type InstanceName,
} from "./topology";

// The topology: a PostgreSQL of its own seeded with the demo data (and a copy for the reference
// month), the fake Resend, PgBouncer, two instances through it and nginx in front.

export async function startInstances(): Promise<void> {
  // Both at once, as a deployment starts them: each migrates on start (a no-op here, the database
  // is already migrated) inside one transaction under pg_advisory_xact_lock, which holds through a
  // transaction pooler; the check after start-up finds no advisory lock left behind.
  for (const name of ["a", "b"] as const) startInstance(name, cluster.fake.url);
  await Promise.all(
    (["a", "b"] as const).map(async (name: InstanceName) => {
      const probe = await waitUntilServing(instanceUrl(name));
      log(`instance ${name} (pid ${instancePid(name)}) serving on ${instanceUrl(name)} through PgBouncer (ready by ${probe})`);
    }),
  );
}

export async function setUp(): Promise<void> {
  log(`temp dir ${dir}`);
  startPostgres();
  log(`PostgreSQL of our own (initdb in the temp dir) on 127.0.0.1:${PORTS.postgres}`);
  const admin = new pg.Client({ connectionString: directUrl("postgres") });
  await admin.connect();
  await admin.query(`create database ${DATABASE}`);
  const seed = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "db/seed/cli.ts"], {
    env: { ...process.env, DATABASE_URL: directUrl(DATABASE), PORTAL_DEMO_MODE: "on", NOTIFICATION_JOBS: "off" },
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr}`);
  // Every user wants billing emails, so the month's reminders also go through the outbox.
  const seeded = new pg.Client({ connectionString: directUrl(DATABASE) });
  await seeded.connect();
  await seeded.query(`insert into notification_preferences (account_id, user_id, category, alert, email)
    select account_id, id, 'billing', true, true from users where account_id is not null
    on conflict (user_id, category) do update set alert = true, email = true`);
  await seeded.end();
  // The same data for the single-process reference month (sweepsFromBothInstances).
  await admin.query(`create database ${REFERENCE_DATABASE} template ${DATABASE}`);
  await admin.end();
  log(`database ${DATABASE} migrated and seeded with the demo data (npm run db:seed, every user's billing emails on), copied to ${REFERENCE_DATABASE}`);
  cluster.db = new pg.Pool({ connectionString: directUrl(DATABASE), max: 3 });
  cluster.db.on("error", () => undefined);

  cluster.fake = await startFakeResend({ port: PORTS.fakeResend });
  log(`fake Resend on ${cluster.fake.url}`);
  startPgBouncer();
  await waitUntilListening(PORTS.bouncer);
  log(`PgBouncer (pool_mode = transaction) on 127.0.0.1:${PORTS.bouncer}`);
  await startInstances();
  startNginx();
  await waitUntilServing(nginxUrl);
  log(`nginx on ${nginxUrl} (both instances) and ${nginxOneUrl} (instance a only)`);
  const locks = await query<{ n: number }>("select count(*)::int as n from pg_locks where locktype = 'advisory'");
  check(locks[0].n === 0, "no advisory lock left behind by the instances' start-up migrations", `${locks[0].n} held`);
}
