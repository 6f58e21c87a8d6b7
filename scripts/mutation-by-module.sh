#!/usr/bin/env bash
# Runs `npm run test:mutation` one guarantee module at a time, so each gets its own score and a
# slow module does not hold the others back. Usage: scripts/mutation-by-module.sh [group ...]
# (default: every group). Each group keeps an incremental file, so a rerun after adding tests
# only retests the mutants those tests can reach. Needs DATABASE_URL (PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A MODULES=(
  [throttle]="lib/auth/throttle.ts,lib/auth/rate-limit.ts,lib/auth/authenticate.ts"
  [outbox]="lib/notifications/outbox/*.ts"
  [ledger]="lib/payments/record-payment.ts,lib/payments/record-payment-to-account.ts,lib/payments/allocate-oldest-first.ts,lib/invoices/post-invoice.ts"
  [csv]="lib/exports/csv-cells.ts"
  [ingest]="lib/ingest/idempotency.ts"
  [gen3]="lib/invoices/generation-rule.ts,lib/invoices/visibility.ts,lib/support/gen3-window.ts"
  # The last-administrator guard and the four changes that must keep it (a subset of access).
  [last-admin]="lib/access/admin-guard.ts,lib/users/set-user-roles.ts,lib/users/disable-user.ts,lib/access/update-role.ts,lib/access/delete-role.ts"
  [access]="lib/access/admin-guard.ts,lib/access/guards.ts,lib/access/permissions.ts,lib/access/load-viewer.ts,lib/access/create-role.ts,lib/access/update-role.ts,lib/access/delete-role.ts,lib/access/role-rows.ts,lib/users/set-user-roles.ts,lib/users/disable-user.ts"
  [reminders]="lib/notifications/reminder-sweep.ts,lib/notifications/reminder-batch.ts,lib/notifications/insert-notifications.ts"
)
ORDER=(csv gen3 outbox ledger ingest access throttle reminders)

mkdir -p reports/mutation
for group in "${@:-${ORDER[@]}}"; do
  started=$(date +%s)
  MUTATION_REPORT="reports/mutation/$group" npx stryker run --mutate "${MODULES[$group]}" \
    --incremental --incrementalFile "reports/mutation/$group.incremental.json" > "reports/mutation/$group.log" 2>&1 || echo "$group: stryker failed, see reports/mutation/$group.log"
  echo "$group: $(( $(date +%s) - started ))s $(grep -a 'All files' "reports/mutation/$group.log" | tr -s ' ' || true)"
done
