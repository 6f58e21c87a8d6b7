"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { controlProps, Field, inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS } from "@/lib/operator/payment-form";
import { allocateOldestFirst } from "@/lib/payments/allocate-oldest-first";
import { decimalStringToMinor, formatMoney, minorToDecimalString } from "@/lib/money";
import { firstErrors, type FormAction } from "@/lib/forms/form-state";
import { AllocationTable, type OpenInvoice } from "./allocation-table";

function toMinor(value: string, currency: string): number | null {
  try {
    return value.trim() === "" ? 0 : decimalStringToMinor(value, currency);
  } catch {
    return null;
  }
}

// Record a payment: oldest-first allocation is previewed with the server's own function and
// can be switched to amounts the operator types in.
export function PaymentForm({
  action,
  currency,
  openInvoices,
  today,
  cancelHref,
}: {
  action: FormAction;
  currency: string;
  openInvoices: OpenInvoice[];
  today: string;
  cancelHref: string;
}) {
  const { state, pending, onSubmit } = useActionForm(action);
  const errors = firstErrors(state);
  const [amount, setAmount] = useState("");
  const [mode, setMode] = useState<"oldest_first" | "manual">("oldest_first");
  const [manual, setManual] = useState<Record<string, string>>({});
  const fmt = (minor: number) => formatMoney(minor, currency, "en-US");

  const amountMinor = toMinor(amount, currency) ?? 0;
  const oldestFirst = new Map(allocateOldestFirst(openInvoices, amountMinor).map((a) => [a.invoiceId, minorToDecimalString(a.amountMinor, currency)]));
  const shown = (invoiceId: string) => (mode === "oldest_first" ? (oldestFirst.get(invoiceId) ?? "") : (manual[invoiceId] ?? ""));
  const allocatedMinor = openInvoices.reduce((sum, i) => sum + (toMinor(shown(i.invoiceId), currency) ?? 0), 0);
  const over = allocatedMinor > amountMinor;

  // "Choose amounts" starts empty: copying the oldest-first suggestions made them stick while the
  // amount changed afterwards (or after switching back and forth), and the form over-allocated.
  function chooseMode(next: "oldest_first" | "manual") {
    if (next === "manual" && mode !== "manual") setManual({});
    setMode(next);
  }

  return (
    <form onSubmit={onSubmit} className="max-w-4xl space-y-6" noValidate>
      {state.status === "error" ? <Notice tone="error">{state.message}</Notice> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="amount" label={`Amount (${currency})`} error={errors.amount}>
          <input
            {...controlProps("amount", { error: errors.amount })}
            name="amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            required
            className={inputClasses}
          />
        </Field>
        <Field id="receivedOn" label="Received on" error={errors.receivedOn}>
          <input {...controlProps("receivedOn", { error: errors.receivedOn })} name="receivedOn" type="date" defaultValue={today} required className={inputClasses} />
        </Field>
        <Field id="method" label="Method" error={errors.method}>
          <select {...controlProps("method", { error: errors.method })} name="method" defaultValue="bank_transfer" className={inputClasses}>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {PAYMENT_METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="reference" label="Reference" hint="The bank or processor reference the customer will recognise." error={errors.reference}>
          <input {...controlProps("reference", { hint: true, error: errors.reference })} name="reference" required className={inputClasses} />
        </Field>
      </div>

      {/* min-w-0: a fieldset is at least as wide as its content, so the allocation table widened the page on phones. */}
      <fieldset className="min-w-0 space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Allocate to open invoices</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(["oldest_first", "manual"] as const).map((value) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input type="radio" name="allocationMode" value={value} checked={mode === value} onChange={() => chooseMode(value)} />
              {value === "oldest_first" ? "Oldest first" : "Choose amounts"}
            </label>
          ))}
        </div>
        <AllocationTable
          invoices={openInvoices}
          currency={currency}
          editable={mode === "manual"}
          value={shown}
          errors={errors}
          onChange={(invoiceId, value) => setManual((all) => ({ ...all, [invoiceId]: value }))}
        />
        <p className={over ? "text-sm font-medium text-red-700" : "text-sm text-slate-700"} aria-live="polite">
          Allocated {fmt(allocatedMinor)} of {fmt(amountMinor)}.{" "}
          {over ? `That is ${fmt(allocatedMinor - amountMinor)} more than the payment.` : `Unallocated: ${fmt(amountMinor - allocatedMinor)}.`}
        </p>
        {errors.allocations ? <p className="text-sm font-medium text-red-700">{errors.allocations}</p> : null}
      </fieldset>

      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record payment"}
        </Button>
        <Link href={cancelHref} className={buttonClasses("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
