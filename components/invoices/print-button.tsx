"use client";

import { Button } from "@/components/ui/button";

// Opens the browser's print dialog; the print stylesheet leaves only the invoice on paper.
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" size="sm" onClick={() => window.print()}>
      Print
    </Button>
  );
}
