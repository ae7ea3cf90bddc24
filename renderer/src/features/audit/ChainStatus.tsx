// The audit chain's verdict, shown big: intact, or broken at which row and why.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { ChainStatus } from './use-audit';

// Symbols, not words.
const INTACT = '✓';
const ALTERED = '✗';

export function ChainStatusBanner({ chain }: { chain: ChainStatus | null }): ReactNode {
  const { t } = useTranslation('audit');
  if (!chain) return <p className="audit-chain audit-chain-unknown" data-testid="audit-chain" data-ok="unknown">{t('chain.checking')}</p>;
  const unkeyed =
    chain.unkeyedRows > 0
      ? t('chain.unkeyed', { count: chain.unkeyedRows })
      : '';
  if (chain.ok) {
    return (
      <p className="audit-chain audit-chain-ok" role="status" data-testid="audit-chain" data-ok="true">
        <span className="audit-chain-mark" aria-hidden="true">{INTACT}</span>
        {t('chain.intact', { count: chain.rows })}
        {unkeyed}
      </p>
    );
  }
  if (chain.problem === null) {
    // Nothing found wrong, but not everything could be checked here: not a green tick, not an alarm.
    return (
      <p className="audit-chain audit-chain-unknown" role="status" data-testid="audit-chain" data-ok="unchecked">
        {t('chain.unchecked', { count: chain.rows, warnings: chain.warnings.join('; ') })}
        {unkeyed}
      </p>
    );
  }
  return (
    <p className="audit-chain audit-chain-bad" role="alert" data-testid="audit-chain" data-ok="false">
      <span className="audit-chain-mark" aria-hidden="true">{ALTERED}</span>
      {chain.rowId !== null ? t('chain.alteredAt', { id: chain.rowId, problem: chain.problem }) : t('chain.altered', { problem: chain.problem })}
    </p>
  );
}
