import { cn } from "@/lib/cn";

// An on/off switch that is a real checkbox (role="switch"), so it is keyboard-usable, submits with a
// plain HTML form and works before (or without) JavaScript. "On"/"Off" is written next to it, so the
// state never depends on colour alone.
export function Switch({ id, name, defaultChecked, className, ...props }: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "role"> & { id: string; name: string }) {
  return (
    <span className={cn("inline-flex items-center gap-2", className)}>
      <input
        id={id}
        name={name}
        type="checkbox"
        role="switch"
        defaultChecked={defaultChecked}
        className={cn(
          "peer relative h-6 w-11 shrink-0 cursor-pointer appearance-none rounded-full bg-slate-500 transition-colors checked:bg-brand-600",
          "before:absolute before:top-0.5 before:left-0.5 before:h-5 before:w-5 before:rounded-full before:bg-white before:shadow before:transition-transform checked:before:translate-x-5",
          "disabled:cursor-not-allowed disabled:opacity-60",
        )}
        {...props}
      />
      <span aria-hidden="true" className="w-6 text-xs font-medium text-slate-600 peer-checked:hidden">
        Off
      </span>
      <span aria-hidden="true" className="hidden w-6 text-xs font-medium text-brand-700 peer-checked:inline">
        On
      </span>
    </span>
  );
}
