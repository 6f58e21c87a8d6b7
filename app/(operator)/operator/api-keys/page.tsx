import type { Metadata } from "next";
import { CreateApiKeyForm } from "@/components/operator/create-api-key-form";
import { formatUtc } from "@/components/operator/operator-format";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { DataTable, Td, Th } from "@/components/ui/table";
import { requirePageOperator } from "@/lib/access/page-guards";
import { listApiKeys } from "@/lib/ingest/api-keys";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

// GET /operator/api-keys — keys for the ingest API (R-O2): shown once, stored hashed, revocable.
export default async function ApiKeysPage() {
  const operator = await requirePageOperator();
  const keys = await listApiKeys(operator);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let the provider&apos;s billing system post invoices and payments into any account through the ingest API. See <code>docs/ingest-api.md</code>.
          </>
        }
      />
      <Card className="mb-6 max-w-3xl p-4">
        <CreateApiKeyForm action={createApiKeyAction} />
      </Card>
      <Card>
        <DataTable caption="API keys">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Key</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {keys.map((key) => (
              <tr key={key.id}>
                <Td className="font-medium">{key.name}</Td>
                <Td>
                  <code>{key.keyPrefix}…</code>
                </Td>
                <Td className="whitespace-nowrap">
                  {formatUtc(key.createdAt)}
                  {key.createdBy ? <span className="block text-xs text-slate-600">by {key.createdBy}</span> : null}
                </Td>
                <Td className="whitespace-nowrap">{key.lastUsedAt ? formatUtc(key.lastUsedAt) : "Never"}</Td>
                <Td>{key.revokedAt ? <Badge tone="neutral">Revoked {formatUtc(key.revokedAt)}</Badge> : <Badge tone="success">Active</Badge>}</Td>
                <Td>
                  {key.revokedAt ? null : (
                    <ActionButton
                      action={revokeApiKeyAction}
                      fields={{ keyId: key.id }}
                      label="Revoke"
                      accessibleLabel={`Revoke ${key.name}`}
                      pendingLabel="Revoking…"
                      variant="danger"
                    />
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {keys.length === 0 ? <p className="px-4 py-6 text-sm text-slate-600">No API keys yet.</p> : null}
      </Card>
    </>
  );
}
