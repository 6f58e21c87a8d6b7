import pg from "pg";
import type { FakeResend } from "@/tests/support/fake-resend";
import type { InstanceName } from "./topology";

// What the topology test's checks share: the demo password, the export they cut, and, once
// set-up.ts has started everything, a direct pool on the cluster's database and the fake Resend.
export const PASSWORD = "demo-pass-123";
export const DAY_MS = 86_400_000;
export const EXPORT_PATH = "/account/invoices/export?tab=recent&scope=all";

export const cluster = {} as { db: pg.Pool; fake: FakeResend };

export const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await cluster.db.query<T>(text, values)).rows;
export const other = (name: InstanceName): InstanceName => (name === "a" ? "b" : "a");
