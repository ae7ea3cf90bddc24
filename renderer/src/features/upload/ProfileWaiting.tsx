// The batch's registered devices still waiting for an Autopilot profile (profiles:waiting): the count,
// always whole, and the first of them with why they wait. Live: it follows every assignment.
import { useCallback, type ReactNode } from 'react';
import type { ApiClient } from '../../api';
import { useLive } from '../batches/use-live';
import { plural } from './sync-view';

const LISTED = 20;

export function ProfileWaiting({ batchId }: { batchId: number }): ReactNode {
  const load = useCallback((client: ApiClient) => client.call('profiles:waiting', { batchId }), [batchId]);
  const { value, error } = useLive(load, ['devices']);
  if (error) return <p className="message message-error" data-testid="profile-waiting-error">{error}</p>;
  if (!value) return null;
  return (
    <div className="profile-waiting" data-testid="profile-waiting" data-count={value.waitingCount}>
      <p>
        <strong>{plural(value.waitingCount, 'device')}</strong> of {value.registered.toLocaleString('en-GB')} registered still {value.waitingCount === 1 ? 'waits' : 'wait'} for a profile
        {value.withProfile > 0 ? ` (${value.withProfile.toLocaleString('en-GB')} have one)` : ''}.
      </p>
      {value.waiting.length > 0 && (
        <ul className="profile-waiting-list">
          {value.waiting.slice(0, LISTED).map((d) => (
            <li key={d.deviceId} data-testid={`profile-waiting-${d.pkid ?? d.serial ?? d.deviceId}`}>
              {d.pkid ? `PKID ${d.pkid}` : `Serial ${d.serial ?? '?'}`}: {d.reason}
            </li>
          ))}
          {value.waitingCount > LISTED && <li>… and {(value.waitingCount - LISTED).toLocaleString('en-GB')} more</li>}
        </ul>
      )}
    </div>
  );
}
