import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { authOptions } from "@/lib/auth/options";
import { loadIdentity, type Identity, type Operator, type Viewer } from "./load-viewer";

export type { Identity, Operator, Viewer } from "./load-viewer";

// The identity behind this request's session cookie, loaded once per request.
export const getIdentity = cache(async (): Promise<Identity | null> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadIdentity(await getDb(), userId);
});

export async function getViewer(): Promise<Viewer | null> {
  const identity = await getIdentity();
  return identity?.kind === "customer" ? identity : null;
}

export async function getOperator(): Promise<Operator | null> {
  const identity = await getIdentity();
  return identity?.kind === "operator" ? identity : null;
}
