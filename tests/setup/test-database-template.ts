// Vitest global setup: migrates ONE template database per run, so each integration test file can
// start from a copy instead of migrating its own (migrating was most of the suite's wall time).
// PostgreSQL: a uniquely named template database, cloned per file with CREATE DATABASE … TEMPLATE.
// PGlite: a migrated data directory (in /dev/shm when there is one, so it stays in memory), copied
// per file. Both are removed when the run ends.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { closeDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { databaseUrl, onServer, testServerUrl, uniqueDatabaseName } from "./test-database-server";

export type TestDatabaseTemplate = { driver: "pg"; serverUrl: string; template: string } | { driver: "pglite"; root: string; template: string };

declare module "vitest" {
  interface ProvidedContext {
    testDatabaseTemplate: TestDatabaseTemplate;
  }
}

// Migrates with the app's own migrateDatabase against the given settings, then restores this
// process's environment (the workers get the template through `provide`, not through env).
async function migrateWith(env: { DATABASE_URL?: string; PGLITE_DIR?: string }): Promise<void> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DIR: process.env.PGLITE_DIR };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    await migrateDatabase();
  } finally {
    await closeDb();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testServerUrl();
  if (serverUrl) {
    const template = uniqueDatabaseName("bp_tmpl");
    await onServer(serverUrl, `create database ${template}`);
    try {
      await migrateWith({ DATABASE_URL: databaseUrl(serverUrl, template) });
    } catch (error) {
      await onServer(serverUrl, `drop database if exists ${template} with (force)`);
      throw error;
    }
    project.provide("testDatabaseTemplate", { driver: "pg", serverUrl, template });
    return () => onServer(serverUrl, `drop database if exists ${template} with (force)`);
  }

  const base = process.platform === "linux" && os.freemem() > 2 ** 30 && isDirectory("/dev/shm") ? "/dev/shm" : os.tmpdir();
  const root = mkdtempSync(path.join(base, "bp-test-pglite-"));
  const template = path.join(root, "template");
  try {
    await migrateWith({ DATABASE_URL: undefined, PGLITE_DIR: template });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  project.provide("testDatabaseTemplate", { driver: "pglite", root, template });
  return async () => rmSync(root, { recursive: true, force: true });
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
