import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/access/load-viewer";
import { auditRefusal } from "@/lib/audit/access-denied";
import { originOf } from "@/lib/audit/request-origin";
import { isAppError } from "@/lib/errors";

// A portal page's record lookup: the viewer, the id from the URL and the page, so a refusal
// (another account's id) is audited before the same 404 anyone gets.
export type PageLookup = { viewer: Viewer; id: string; route: string };

// For pages: a lib call whose record is missing (or another account's) renders the 404 page.
export async function orNotFound<T>(promise: Promise<T>, lookup?: PageLookup): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (lookup) await auditRefusal(lookup.viewer, error, { route: lookup.route, id: lookup.id, origin: originOf(await headers()) });
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
