import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

// For pages: a lib call whose record is missing (or another account's) renders the 404 page.
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
