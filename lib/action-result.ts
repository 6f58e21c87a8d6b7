import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { formFailure, type FormResult } from "@/lib/validation";

// For server actions: runs the lib call and turns its refusals into form results; a record that is
// not there (or not the caller's) is a 404, as it is for pages.
export async function actionResult<T extends object>(run: () => Promise<FormResult<T>>): Promise<FormResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "not_found") notFound();
    return formFailure(error.message);
  }
}
