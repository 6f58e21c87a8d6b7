#!/usr/bin/env bash
# Runs `npm run test:mutation` one guarantee module at a time, so each gets its own score and a
# slow module does not hold the others back. Usage: scripts/mutation-by-module.sh [group ...]
# (default: every group; Stryker concurrency 1 unless MUTATION_CONCURRENCY says otherwise). Each group keeps an incremental file, so a rerun after adding tests
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
  # The reminders, one file per group: each its own score and incremental file, so a change to the
  # sweep retests the sweep only (`reminders` runs all three).
  [reminders-sweep]="lib/notifications/reminder-sweep.ts,lib/notifications/sweep-window.ts,lib/notifications/reminder-rescans.ts"
  [reminders-batch]="lib/notifications/reminder-batch.ts"
  [reminders-insert]="lib/notifications/insert-notifications.ts"
)
declare -A ALIASES=([reminders]="reminders-sweep reminders-batch reminders-insert")
ORDER=(csv gen3 outbox ledger ingest access throttle reminders-sweep reminders-batch reminders-insert)

# The test files that guard a group, where Vitest's "related" files would be most of the suite
# (postInvoice and the access checks are imported by nearly every integration test, and Stryker runs
# them one file at a time: the initial run alone took over 20 minutes on the shared machine).
# Unlisted groups run every related test file.
declare -A TESTS=(
  [ledger]="tests/integration/ledger.test.ts,tests/integration/ledger-rules.test.ts,tests/integration/money-guarantees.test.ts,tests/integration/concurrency.test.ts,tests/integration/operator-console.test.ts,tests/integration/ingest-api.test.ts,tests/integration/invoice-posted-notifications.test.ts,tests/security/money-limits.test.ts,tests/unit/allocate-oldest-first.test.ts"
  [ingest]="tests/integration/ingest-idempotency.test.ts,tests/integration/ingest-api.test.ts"
  # The cell rules are pure: their unit tests (the export tests reach them through csvDownload).
  [csv]="tests/unit/csv.test.ts"
  # The reminders: not reminder-sweep-scale.test.ts (72 000 reminders, minutes per run). Without
  # these lists insertNotifications (every posted invoice) made nearly every integration file
  # "related": 344 tests in the initial run and an estimated 2 h 20 min.
  [reminders-sweep]="tests/unit/sweep-window.test.ts,tests/integration/reminder-sweep-window.test.ts,tests/integration/reminder-sweep.test.ts,tests/integration/reminder-sweep-runs.test.ts,tests/integration/reminder-sweep-batches.test.ts,tests/integration/reminder-sweep-stop.test.ts,tests/integration/reminder-concurrency.test.ts"
  [reminders-batch]="tests/integration/reminder-sweep.test.ts,tests/integration/reminder-sweep-runs.test.ts,tests/integration/reminder-sweep-batches.test.ts,tests/integration/reminder-concurrency.test.ts"
  # insertNotifications is only the posting path; recipientOf, also the sweep's, is checked there too.
  [reminders-insert]="tests/integration/invoice-posted-notifications.test.ts"
  [access]="tests/unit/permissions.test.ts,tests/integration/auth-and-access.test.ts,tests/integration/roles.test.ts,tests/integration/role-name-concurrency.test.ts,tests/integration/last-admin-concurrency.test.ts,tests/integration/admin-guard-rails.test.ts,tests/integration/access-changes-audit.test.ts,tests/integration/users-and-invitations.test.ts,tests/integration/payment-information-permission.test.ts,tests/security/sessions.test.ts,tests/security/access-denied.test.ts,tests/security/route-gate.test.ts,tests/security/server-actions.test.ts,tests/security/live-identity.test.ts,tests/unit/access-guards.test.ts,tests/integration/role-refusals.test.ts"
)

mkdir -p reports/mutation
groups=()
for name in "${@:-${ORDER[@]}}"; do
  if [[ -n "${ALIASES[$name]:-}" ]]; then groups+=(${ALIASES[$name]}); else groups+=("$name"); fi
done
for group in "${groups[@]}"; do
  if [[ -z "${MODULES[$group]:-}" ]]; then
    echo "unknown group: $group (groups: ${!MODULES[*]} ${!ALIASES[*]})" >&2
    exit 2
  fi
  started=$(date +%s)
  tests=()
  if [[ -n "${TESTS[$group]:-}" ]]; then tests=(--testFiles "${TESTS[$group]}"); fi
  MUTATION_REPORT="reports/mutation/$group" npx stryker run --mutate "${MODULES[$group]}" "${tests[@]}" --concurrency "${MUTATION_CONCURRENCY:-1}" \
    --incremental --incrementalFile "reports/mutation/$group.incremental.json" > "reports/mutation/$group.log" 2>&1 || echo "$group: stryker failed, see reports/mutation/$group.log"
  echo "$group: $(( $(date +%s) - started ))s $(grep -a 'All files' "reports/mutation/$group.log" | tr -s ' ' || true)"
done
