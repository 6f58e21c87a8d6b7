"use client";

import { useEffect } from "react";
import { Notice } from "./notice";

// A one-time confirmation carried by a URL parameter (e.g. ?created=1 after a redirect): shown
// once, then the parameter leaves the address bar so a reload, Back or a bookmark does not show
// it again. Without JavaScript the page itself limits it to the minutes right after the action.
export function FlashNotice({ param, children }: { param: string; children: React.ReactNode }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has(param)) return;
    url.searchParams.delete(param);
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, [param]);
  return <Notice tone="success">{children}</Notice>;
}
