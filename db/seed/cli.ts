// npm run db:seed — migrates and seeds the demo data if the database has no accounts yet.
import { closeDb } from "../client";
import { ensureDatabaseReady } from "../ensure-ready";
import { env } from "@/lib/env";
import { claimDataDir } from "@/lib/server/data-dir-lock";

if (!env().DATABASE_URL) claimDataDir();
// The seed command means demo data unless told otherwise: it sets the setting, lib/env.ts reads it.
// eslint-disable-next-line no-restricted-properties
process.env.PORTAL_DEMO_MODE ??= "on";
await ensureDatabaseReady();
await closeDb();
console.log("database ready");
