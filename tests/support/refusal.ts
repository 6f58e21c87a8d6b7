import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";

// The AppError a lib/ call refused with, its first message per field alongside (as forms show
// them). Fails the test when the call succeeds or throws anything else.
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors: Record<string, string> }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError refusal, got ${error === null ? "success" : String(error)}`);
  const fieldErrors = Object.fromEntries(Object.entries(fieldErrorsOf(error)).map(([field, messages]) => [field, messages[0]]));
  return { code: error.code, message: error.message, fieldErrors };
}
