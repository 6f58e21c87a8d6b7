"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// The invitation link, shown to the administrator who created it so they can pass it on
// themselves if the email doesn't arrive. It is not shown again later (only its hash is kept).
export function InviteLink({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-3">
      <label htmlFor="invite-link" className="block text-sm font-medium text-slate-800">
        Invitation link
      </label>
      <div className="mt-1 space-y-2">
        <input
          id="invite-link"
          readOnly
          value={url}
          className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy invite link"}
        </Button>
      </div>
    </div>
  );
}
