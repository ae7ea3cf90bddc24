// What a deregistration did: removed, waiting for Partner Center (the station finishes them), and each
// device that could not be removed with the reason; for a move, where the boxes went.
import type { ReactNode } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { plural } from './sync-view';

export interface MoveOutcome {
  batchName: string;
  approved: boolean;
  customerName: string | null;
  problem: string | null;
}

interface Props {
  value: ChannelOutput<'devices:deregister'>;
  move: MoveOutcome | null;
  names: ReadonlyMap<number, string> | null;
}

export function DeregisterOutcome({ value, move, names }: Props): ReactNode {
  const { requested, deregistered, pending, failed } = value;
  const clean = failed.length === 0 && pending === 0;
  return (
    <div className={`deregister-result ${clean ? 'message-success' : 'message-info'}`} role="status" data-testid="deregister-result" data-requested={requested} data-deregistered={deregistered} data-pending={pending} data-failed={failed.length}>
      <p className="big-text">
        <strong>{plural(deregistered, 'device')} removed</strong> from Autopilot (of {requested.toLocaleString('en-GB')} asked).
      </p>
      {pending > 0 && <p data-testid="deregister-pending">{plural(pending, 'device')} wait for Partner Center (offline or busy): the station finishes them by itself.</p>}
      {failed.length > 0 && (
        <ul className="deregister-failed" data-testid="deregister-failed">
          {failed.map((f) => (
            <li key={f.deviceId} data-testid={`deregister-failed-${f.deviceId}`}>
              <strong>{names?.get(f.deviceId) ?? `Device ${f.deviceId}`}</strong>: {f.message}
            </li>
          ))}
        </ul>
      )}
      {move && (
        <p data-testid="deregister-moved" data-approved={move.approved}>
          {move.approved
            ? `The boxes continue in the new batch “${move.batchName}”, approved for ${move.customerName ?? 'the new customer'}: it uploads by itself.`
            : `The boxes wait in the new batch “${move.batchName}”; it could not be approved yet: ${move.problem ?? ''} Approve it under Batches.`}
        </p>
      )}
    </div>
  );
}
