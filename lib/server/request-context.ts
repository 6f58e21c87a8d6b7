import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// What the request log line needs from inside the app: the request's id and, once the session is
// read, whose account it was. The server entry (scripts/serve.mjs) runs each request inside
// `runInRequestContext`; lib/access/viewer.ts notes the account. Kept on globalThis because Next
// bundles the instrumentation hook (which hands this to the entry) apart from the pages that note.
export type RequestContext = { requestId: string; accountId?: string; userId?: string };

const globalContext = globalThis as unknown as { __billingRequestContext?: AsyncLocalStorage<RequestContext> };

function storage(): AsyncLocalStorage<RequestContext> {
  globalContext.__billingRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return globalContext.__billingRequestContext;
}

export function runInRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage().run(context, run);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage().getStore();
}

// Outside a request (a job, a script, `next dev` without the entry) there is nothing to note.
export function noteRequestIdentity(identity: { userId: string; accountId?: string }): void {
  const context = currentRequestContext();
  if (!context) return;
  context.userId = identity.userId;
  if (identity.accountId) context.accountId = identity.accountId;
}
