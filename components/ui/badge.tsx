import { cn } from "@/lib/cn";

const TONES = {
  neutral: "border-slate-300 bg-slate-50 text-slate-700",
  info: "border-sky-300 bg-sky-50 text-sky-800",
  success: "border-emerald-300 bg-emerald-50 text-emerald-800",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  danger: "border-red-300 bg-red-50 text-red-800",
} as const;

export type BadgeTone = keyof typeof TONES;

// A short status label. The text carries the meaning; the colour only repeats it.
export function Badge({ tone = "neutral", className, children }: { tone?: BadgeTone; className?: string; children: React.ReactNode }) {
  return <span className={cn("inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap", TONES[tone], className)}>{children}</span>;
}
