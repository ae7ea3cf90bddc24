// The audit chain's verdict, shown big: intact, or broken at which row and why.
import type { ReactNode } from 'react';
import type { ChainStatus } from './use-audit';

export function ChainStatusBanner({ chain }: { chain: ChainStatus | null }): ReactNode {
  if (!chain) return <p className="audit-chain audit-chain-unknown" data-testid="audit-chain" data-ok="unknown">Checking the audit trail's hash chain…</p>;
  if (chain.ok) {
    return (
      <p className="audit-chain audit-chain-ok" role="status" data-testid="audit-chain" data-ok="true">
        <span className="audit-chain-mark" aria-hidden="true">✓</span>
        Audit trail intact: all {chain.rows.toLocaleString('en-GB')} entries checked, the hash chain is unbroken.
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
