// The sentence `fleet status` and the Fleet panel show for a station whose audit chain the hub refused.
export function auditMismatchMessage(stationName: string, why: string): string {
  return `audit chain of station ${stationName} does not match its anchor: ${why}. Check that station's audit trail (dockside verify on it) before trusting it; the hub owner clears the flag once it is understood.`;
}
