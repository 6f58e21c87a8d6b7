// npm run db:seed — migrates and seeds the demo data if the database has no accounts yet.
import { closeDb } from "../client";
import { ensureDatabaseReady } from "../ensure-ready";
import { claimDataDir } from "@/lib/server/data-dir-lock";

if (!process.env.DATABASE_URL) claimDataDir();
process.env.PORTAL_DEMO_MODE ??= "on";
await ensureDatabaseReady();
await closeDb();
console.log("database ready");
