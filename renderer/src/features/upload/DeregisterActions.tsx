// The lead's way to remove registered devices from Autopilot: the ticked ones, or the whole batch. The
// dialog asks the reason and applies the two-person rule; the list refreshes by itself afterwards.
import { useState, type ReactNode } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useCustomers } from '../../lib/use-customers';
import { DeregisterDialog } from './DeregisterDialog';

interface Props {
  batch: BatchSummary;
  registered: number;
  /** Ticked registered devices: id → what the lead sees them as (PKID or serial). */
  ticked: ReadonlyMap<number, string>;
  onDone(): void;
}

export function DeregisterActions({ batch, registered, ticked, onDone }: Props): ReactNode {
  const { t } = useTranslation('upload');
  const [open, setOpen] = useState<'ticked' | 'batch' | null>(null);
  const { customers } = useCustomers('');
  const [chosen, setChosen] = useState<ReadonlyMap<number, string> | null>(null);
  return (
    <div className="deregister-actions inline-form" data-testid="deregister-actions">
      <button
        type="button"
        className="btn btn-small"
        disabled={ticked.size === 0}
        onClick={() => {
          setChosen(new Map(ticked));
          setOpen('ticked');
        }}
        data-testid="deregister-ticked"
      >
        {t('deregister.ticked', { n: formatNumber(ticked.size) })}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setOpen('batch')} data-testid="deregister-batch">
        {t('deregister.batch', { n: formatNumber(registered) })}
      </button>
      {open && (
        <DeregisterDialog
          batch={batch}
          devices={open === 'ticked' ? chosen : null}
          customers={customers}
          onClose={() => {
            setOpen(null);
            onDone();
          }}
        />
      )}
    </div>
  );
}
