// Where a payment went when it settled Generation 3 invoices the account no longer sees (R-G3):
// named as such, instead of a blank "Applied to" (the page's Generation 3 notice says how to get
// them back).
export function HiddenGeneration3() {
  return <span title="Generation 3 invoices are no longer listed; support can restore them.">hidden Generation 3 invoices</span>;
}
