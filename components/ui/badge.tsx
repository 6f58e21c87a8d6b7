import { cn } from "@/lib/cn";
import "./badge.css";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

// A small label. The text carries the meaning; the colour (and the dot, on statuses) only repeats it.
// The ring is inset so a badge is no taller than a line of table text. Styles: badge.css.
export function Badge({ tone = "neutral", dot = false, className, children }: { tone?: BadgeTone; dot?: boolean; className?: string; children: React.ReactNode }) {
  return <span className={cn("badge", `badge-${tone}`, dot && "badge-dot", className)}>{children}</span>;
}
