"use client";

import { Button } from "@/components/ui/button";
import { controlProps, inputClasses } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import type { FieldMessages } from "@/lib/forms/form-state";

export type LineDraft = { key: number; description: string; quantity: string; unitPrice: string };

// The invoice's line items: description, quantity and unit price per line, add and remove.
// Labels are visible on phones and read by screen readers on wider screens, where a header row shows.
export function InvoiceLinesEditor({
  lines,
  currency,
  errors,
  amounts,
  onChange,
  onAdd,
  onRemove,
}: {
  lines: LineDraft[];
  currency: string;
  errors: FieldMessages;
  amounts: (string | null)[];
  onChange: (key: number, field: "description" | "quantity" | "unitPrice", value: string) => void;
  onAdd: () => void;
  onRemove: (key: number) => void;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">Lines</legend>
      <div aria-hidden="true" className="hidden grid-cols-[1fr_7rem_9rem_8rem_5rem] gap-2 text-xs font-medium text-slate-600 md:grid">
        <span>Description</span>
        <span>Quantity</span>
        <span>Unit price ({currency})</span>
        <span className="text-right">Amount</span>
        <span />
      </div>
      {lines.map((line, i) => {
        const field = (name: "description" | "quantity" | "unitPrice") => {
          const id = `line-${line.key}-${name}`;
          const error = errors[`lines.${i}.${name}`];
          return { id, error, control: controlProps(id, { error }) };
        };
        const description = field("description");
        const quantity = field("quantity");
        const unitPrice = field("unitPrice");
        return (
          <div key={line.key} className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 p-2 md:grid-cols-[1fr_7rem_9rem_8rem_5rem] md:border-0 md:p-0">
            <div className="col-span-2 md:col-span-1">
              <label htmlFor={description.id} className="text-xs font-medium text-slate-700 md:sr-only">
                Line {i + 1} description
              </label>
              <input
                {...description.control}
                name="lineDescription"
                value={line.description}
                onChange={(e) => onChange(line.key, "description", e.target.value)}
                className={inputClasses}
              />
              {description.error ? (
                <p id={`${description.id}-error`} className="mt-1 text-xs font-medium text-red-700">
                  {description.error}
                </p>
              ) : null}
            </div>
            <div>
              <label htmlFor={quantity.id} className="text-xs font-medium text-slate-700 md:sr-only">
                Line {i + 1} quantity
              </label>
              <input
                {...quantity.control}
                name="lineQuantity"
                inputMode="decimal"
                value={line.quantity}
                onChange={(e) => onChange(line.key, "quantity", e.target.value)}
                className={inputClasses}
              />
              {quantity.error ? (
                <p id={`${quantity.id}-error`} className="mt-1 text-xs font-medium text-red-700">
                  {quantity.error}
                </p>
              ) : null}
            </div>
            <div>
              <label htmlFor={unitPrice.id} className="text-xs font-medium text-slate-700 md:sr-only">
                Line {i + 1} unit price ({currency})
              </label>
              <input
                {...unitPrice.control}
                name="lineUnitPrice"
                inputMode="decimal"
                value={line.unitPrice}
                onChange={(e) => onChange(line.key, "unitPrice", e.target.value)}
                className={inputClasses}
              />
              {unitPrice.error ? (
                <p id={`${unitPrice.id}-error`} className="mt-1 text-xs font-medium text-red-700">
                  {unitPrice.error}
                </p>
              ) : null}
            </div>
            <p className="self-center text-sm tabular-nums md:text-right">
              <span className="text-xs text-slate-600 md:sr-only">Amount: </span>
              {amounts[i] ?? "—"}
            </p>
            <div className={cn("self-center text-right")}>
              <Button type="button" variant="ghost" size="sm" onClick={() => onRemove(line.key)} disabled={lines.length === 1}>
                Remove<span className="sr-only"> line {i + 1}</span>
              </Button>
            </div>
          </div>
        );
      })}
      {errors.lines ? <p className="text-xs font-medium text-red-700">{errors.lines}</p> : null}
      <Button type="button" variant="secondary" size="sm" onClick={onAdd}>
        Add a line
      </Button>
    </fieldset>
  );
}
