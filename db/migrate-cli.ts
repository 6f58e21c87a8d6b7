// npm run db:migrate — applies migrations to DATABASE_URL, or to the embedded database when no
// server is using it.
import { closeDb } from "./client";
import { migrateDatabase } from "./migrate";
import { env } from "@/lib/env";
import { claimDataDir } from "@/lib/server/data-dir-lock";

if (!env().DATABASE_URL) claimDataDir();
await migrateDatabase();
await closeDb();
console.log("migrations applied");
