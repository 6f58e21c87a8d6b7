"use client";

import { ErrorCard } from "@/components/shell/error-card";

// An unexpected error in an operator console page, shown inside the console's frame.
export default function OperatorError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorCard error={error} retry={retry} backHref="/operator" backLabel="Back to the accounts" />;
}
