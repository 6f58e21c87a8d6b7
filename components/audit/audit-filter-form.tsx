import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { FieldError, inputClass } from "@/components/ui/field";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";

export type AuditFilterValues = { actor?: string; action?: string; from?: string; to?: string };

// A plain GET form: the filter lives in the URL, so it is shareable and the back button works.
export function AuditFilterForm({
  values,
  actors,
  errors,
}: {
  values: AuditFilterValues;
  actors: { id: string; name: string; email: string }[];
  errors: Record<string, string[]>;
}) {
  const field = "min-w-0";
  return (
    <form
      method="get"
      action="/account/audit-log"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_10rem_auto]"
    >
      <div className={field}>
        <label htmlFor="filter-actor" className="block text-sm font-medium text-slate-800">
          Who
        </label>
        <select id="filter-actor" name="actor" defaultValue={values.actor ?? ""} className={inputClass}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.email})
            </option>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="filter-action" className="block text-sm font-medium text-slate-800">
          What
        </label>
        <select id="filter-action" name="action" defaultValue={values.action ?? ""} className={inputClass}>
          <option value="">Any action</option>
          {Object.entries(AUDIT_ACTIONS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="filter-from" className="block text-sm font-medium text-slate-800">
          From
        </label>
        <input
          id="filter-from"
          name="from"
          type="date"
          defaultValue={values.from ?? ""}
          className={inputClass}
          aria-invalid={errors.from ? true : undefined}
          aria-describedby={errors.from ? "filter-from-error" : undefined}
        />
        <FieldError id="filter-from-error" messages={errors.from} />
      </div>
      <div className={field}>
        <label htmlFor="filter-to" className="block text-sm font-medium text-slate-800">
          To
        </label>
        <input
          id="filter-to"
          name="to"
          type="date"
          defaultValue={values.to ?? ""}
          className={inputClass}
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={errors.to ? "filter-to-error" : undefined}
        />
        <FieldError id="filter-to-error" messages={errors.to} />
      </div>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
        <button type="submit" className={buttonClasses("primary")}>
          Apply
        </button>
        <Link href="/account/audit-log" className={buttonClasses("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
