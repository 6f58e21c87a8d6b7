"use client";

import Form from "next/form";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import "./filter-form.css";
import { PageSizeSelect } from "./page-size-select";

// Everything the filter form shows, computed on the server (filter-form.tsx) so the client bundle
// does not pull in the filter parser and the RSC payload holds values, not markup.
export type FilterFormData = {
  action: string;
  // Changes whenever the URL's filters do, remounting the form (Back, Clear filters).
  formKey: string;
  tab: string;
  // The list's own order, kept when it is not the tab's default.
  sort: { sort: string; dir: string } | null;
  words: { date: string; text: string; amount: string };
  placeholder: string;
  currency: string;
  step: string;
  values: { from: string; to: string; q: string; min: string; max: string };
  statuses: [value: string, label: string, checked: boolean][];
  size: number;
  sizes: readonly number[];
  clearHref: string | null;
};

// The filter function of a tab (R-I2): a GET form, so it works without JavaScript and every
// filtered view is a URL.
export function FilterFormView({ form }: { form: FilterFormData }) {
  const { words, values } = form;
  return (
    <Form key={form.formKey} action={form.action} role="search" aria-label="Filter" className="no-print border-b border-slate-200 p-3">
      <input type="hidden" name="tab" value={form.tab} />
      {form.sort ? (
        <>
          <input type="hidden" name="sort" value={form.sort.sort} />
          <input type="hidden" name="dir" value={form.sort.dir} />
        </>
      ) : null}
      <div className="ff-grid">
        <div>
          <label htmlFor="f-from" className="ff-label">
            {words.date} from
          </label>
          <input id="f-from" type="date" name="from" defaultValue={values.from} className="ff-input" />
        </div>
        <div>
          <label htmlFor="f-to" className="ff-label">
            {words.date} to
          </label>
          <input id="f-to" type="date" name="to" defaultValue={values.to} className="ff-input" />
        </div>
        <div className="col-span-2 sm:col-span-1 lg:col-span-2">
          <label htmlFor="f-q" className="ff-label">
            {words.text}
          </label>
          <input id="f-q" type="search" name="q" defaultValue={values.q} maxLength={100} placeholder={form.placeholder} className="ff-input" />
        </div>
        <div>
          <label htmlFor="f-min" className="ff-label">
            {words.amount} from ({form.currency})
          </label>
          <input id="f-min" type="number" name="min" min="0" step={form.step} inputMode="decimal" defaultValue={values.min} className="ff-input" />
        </div>
        <div>
          <label htmlFor="f-max" className="ff-label">
            {words.amount} to ({form.currency})
          </label>
          <input id="f-max" type="number" name="max" min="0" step={form.step} inputMode="decimal" defaultValue={values.max} className="ff-input" />
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-end gap-x-5 gap-y-3">
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <legend className="float-left mr-1 text-xs font-medium text-slate-600">Status</legend>
          {form.statuses.map(([status, statusLabel, checked]) => (
            <label key={status} className="ff-status">
              <input type="checkbox" name="status" value={status} defaultChecked={checked} />
              {statusLabel}
            </label>
          ))}
        </fieldset>
        <div className="flex items-center gap-2">
          <label htmlFor="f-size" className="text-xs font-medium text-slate-600">
            Rows per page
          </label>
          <PageSizeSelect size={form.size} sizes={form.sizes} className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm" />
        </div>
        <div className="ml-auto flex items-center gap-3">
          {form.clearHref ? (
            <Link href={form.clearHref} className="text-sm text-brand-700 underline-offset-2 hover:underline">
              Clear filters
            </Link>
          ) : null}
          <Button type="submit" size="sm">
            Apply filters
          </Button>
        </div>
      </div>
    </Form>
  );
}
