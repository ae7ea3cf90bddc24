// Refused lines of an import: counted in full, kept for the first REFUSED_LINES_SHOWN lines.
import { REFUSED_LINES_SHOWN, type RefusalReason, type RefusedLine } from '../../../shared/contract/import';

export class RefusalLog {
  count = 0;
  readonly byReason: Partial<Record<RefusalReason, number>> = {};
  private kept: RefusedLine[] = [];

  constructor(private readonly cap = REFUSED_LINES_SHOWN) {}

  /** Callers add lines in increasing order within one pass; a second pass goes into its own log, then absorb(). */
  add(line: number, reason: RefusalReason, message: string): void {
    this.count++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    if (this.kept.length < this.cap) this.kept.push({ line, reason, message });
  }

  absorb(other: RefusalLog): void {
    this.count += other.count;
    for (const [reason, n] of Object.entries(other.byReason) as [RefusalReason, number][]) this.byReason[reason] = (this.byReason[reason] ?? 0) + n;
    this.kept = [...this.kept, ...other.kept].sort((a, b) => a.line - b.line).slice(0, this.cap);
  }

  lines(): RefusedLine[] {
    return [...this.kept];
  }
}
