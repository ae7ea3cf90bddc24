// The audit chain's verdict, shown big: intact, or broken at which row and why.
import type { ReactNode } from 'react';
import type { ChainStatus } from './use-audit';

export function ChainStatusBanner({ chain }: { chain: ChainStatus | null }): ReactNode {
  if (!chain) return <p className="audit-chain audit-chain-unknown" data-testid="audit-chain" data-ok="unknown">Checking the audit trail's hash chain…</p>;
  const unkeyed =
    chain.unkeyedRows > 0
      ? ` The first ${chain.unkeyedRows.toLocaleString('en-GB')} entries were written before the trail was sealed with the station key: what was done to them before then cannot be known.`
      : '';
  if (chain.ok) {
    return (
      <p className="audit-chain audit-chain-ok" role="status" data-testid="audit-chain" data-ok="true">
        <span className="audit-chain-mark" aria-hidden="true">✓</span>
        Audit trail intact: all {chain.rows.toLocaleString('en-GB')} entries checked, sealed with the station key, none missing at the end.{unkeyed}
      </p>
    );
  }
  if (chain.problem === null) {
    // Nothing found wrong, but not everything could be checked here: not a green tick, not an alarm.
    return (
      <p className="audit-chain audit-chain-unknown" role="status" data-testid="audit-chain" data-ok="unchecked">
        Audit trail not fully checked ({chain.rows.toLocaleString('en-GB')} entries): {chain.warnings.join('; ')}.{unkeyed}
      </p>
    );
  }
  return (
    <p className="audit-chain audit-chain-bad" role="alert" data-testid="audit-chain" data-ok="false">
      <span className="audit-chain-mark" aria-hidden="true">✗</span>
      The audit trail has been altered{chain.rowId !== null ? ` at entry #${chain.rowId}` : ''}: {chain.problem ?? 'the hash chain does not add up'}. Tell the station admin; run
      “dockside verify” for details.
    </p>
  );
}
