"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { controlProps, Field, inputClasses } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { percentToBasisPoints } from "@/lib/invoices/invoice-input";
import { computeLine } from "@/lib/invoices/totals";
import { decimalStringToMinor, formatMoney } from "@/lib/money";
import { firstErrors, type FormAction } from "@/lib/forms/form-state";
import { InvoiceLinesEditor, type LineDraft } from "./invoice-lines-editor";

type Defaults = { number: string; generation: string; issueDate: string; dueDate: string; periodStart: string; periodEnd: string; taxRate: string };

// A preview of what postInvoice will compute, from the same pure functions; lines or a tax
// rate that don't parse yet show "—".
function preview(lines: LineDraft[], taxRate: string, currency: string) {
  const fmt = (minor: number) => formatMoney(minor, currency, "en-US");
  const bp = /^\d{1,3}(\.\d{1,2})?$/.test(taxRate.trim()) ? percentToBasisPoints(taxRate.trim()) : null;
  const computed = lines.map((l) => {
    try {
      return computeLine({ quantity: l.quantity, unitPriceMinor: decimalStringToMinor(l.unitPrice, currency), taxRateBp: bp ?? 0 });
    } catch {
      return null;
    }
  });
  const complete = bp !== null && bp <= 10_000 && computed.every((l) => l !== null);
  const sum = (pick: (l: { amountMinor: number; taxMinor: number }) => number) => computed.reduce((total, l) => total + (l ? pick(l) : 0), 0);
  return {
    amounts: computed.map((l) => (l ? fmt(l.amountMinor) : null)),
    subtotal: complete ? fmt(sum((l) => l.amountMinor)) : "—",
    tax: complete ? fmt(sum((l) => l.taxMinor)) : "—",
    total: complete ? fmt(sum((l) => l.amountMinor + l.taxMinor)) : "—",
  };
}

export function InvoiceForm({ action, defaults, currency, cancelHref }: { action: FormAction; defaults: Defaults; currency: string; cancelHref: string }) {
  const { state, pending, onSubmit } = useActionForm(action);
  const errors = firstErrors(state);
  const [lines, setLines] = useState<LineDraft[]>([{ key: 0, description: "", quantity: "1", unitPrice: "" }]);
  const [taxRate, setTaxRate] = useState(defaults.taxRate);
  const totals = preview(lines, taxRate, currency);
  const text = (name: keyof Defaults, label: string, type = "text", hint?: string) => (
    <Field id={name} label={label} hint={hint} error={errors[name]}>
      <input {...controlProps(name, { hint: Boolean(hint), error: errors[name] })} name={name} type={type} defaultValue={defaults[name]} required className={inputClasses} />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="max-w-4xl space-y-6" noValidate>
      {state.status === "error" ? <Notice tone="error">{state.message}</Notice> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {text("number", "Invoice number")}
        <Field id="generation" label="Generation" error={errors.generation}>
          <select {...controlProps("generation", { error: errors.generation })} name="generation" defaultValue={defaults.generation} className={inputClasses}>
            <option value="4">Generation 4</option>
            <option value="3">Generation 3</option>
          </select>
        </Field>
        <Field id="taxRate" label="Tax rate (%)" hint="Applied to each line and rounded per line." error={errors.taxRate}>
          <input
            {...controlProps("taxRate", { hint: true, error: errors.taxRate })}
            name="taxRate"
            inputMode="decimal"
            value={taxRate}
            onChange={(e) => setTaxRate(e.target.value)}
            className={inputClasses}
          />
        </Field>
        {text("issueDate", "Issue date", "date")}
        {text("dueDate", "Due date", "date")}
        <div className="hidden lg:block" />
        {text("periodStart", "Service period start", "date")}
        {text("periodEnd", "Service period end", "date")}
      </div>

      <InvoiceLinesEditor
        lines={lines}
        currency={currency}
        errors={errors}
        amounts={totals.amounts}
        onChange={(key, field, value) => setLines((all) => all.map((l) => (l.key === key ? { ...l, [field]: value } : l)))}
        onAdd={() => setLines((all) => [...all, { key: Math.max(...all.map((l) => l.key)) + 1, description: "", quantity: "1", unitPrice: "" }])}
        onRemove={(key) => setLines((all) => (all.length > 1 ? all.filter((l) => l.key !== key) : all))}
      />

      <dl className="ml-auto grid max-w-xs grid-cols-2 gap-x-4 gap-y-1 text-sm" aria-live="polite">
        <dt className="text-slate-600">Subtotal</dt>
        <dd className="text-right tabular-nums">{totals.subtotal}</dd>
        <dt className="text-slate-600">Tax</dt>
        <dd className="text-right tabular-nums">{totals.tax}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold tabular-nums">{totals.total}</dd>
      </dl>

      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Posting…" : "Post invoice"}
        </Button>
        <Link href={cancelHref} className={buttonClasses("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
