import { cn } from "@/lib/cn";

// A labelled checkbox with an optional description line under the label.
export function Checkbox({
  id,
  label,
  description,
  className,
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string; label: React.ReactNode; description?: React.ReactNode }) {
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-400 accent-brand-600"
        aria-describedby={description ? `${id}-description` : undefined}
        {...input}
      />
      <div className="text-sm">
        <label htmlFor={id} className="font-medium text-slate-900">
          {label}
        </label>
        {description ? (
          <p id={`${id}-description`} className="text-slate-600">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
