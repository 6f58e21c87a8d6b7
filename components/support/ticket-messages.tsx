import { cn } from "@/lib/cn";
import type { TicketThread } from "@/lib/support/ticket-thread";

// A ticket's conversation, oldest first. Who wrote each message is said in words, not only by colour.
export function TicketMessages({ messages, providerLabel, formatTime }: { messages: TicketThread["messages"]; providerLabel: string; formatTime: (instant: Date) => string }) {
  return (
    <ol className="space-y-3" aria-label="Messages">
      {messages.map((message) => (
        <li key={message.id} className={cn("rounded-lg border p-3 text-sm", message.fromOperator ? "border-brand-100 bg-brand-50 sm:ml-8" : "border-slate-200 bg-white sm:mr-8")}>
          <p className="mb-1 flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
            <span>
              <span className="font-semibold text-slate-800">{message.author ?? "Former user"}</span>
              {message.fromOperator ? ` · ${providerLabel}` : ""}
            </span>
            <time dateTime={message.createdAt.toISOString()}>{formatTime(message.createdAt)}</time>
          </p>
          <p className="whitespace-pre-wrap break-words text-slate-900">{message.body}</p>
        </li>
      ))}
    </ol>
  );
}
