// Where an alert's link goes: through /alerts/<id>/open, which marks it read first (bell and /alerts).
export function alertOpenHref(alertId: string): string {
  return `/alerts/${encodeURIComponent(alertId)}/open`;
}
