import type { Metadata } from "next";
import { RootNotFound } from "@/components/shell/root-not-found";
import { providerName } from "@/lib/env";

export const metadata: Metadata = { title: "Page not found" };

// Any URL no route matches (and the operator console for customers): no frame, since the
// visitor may not be signed in. "/" sends each user to their own home.
export default function NotFound() {
  return <RootNotFound provider={providerName()} />;
}
