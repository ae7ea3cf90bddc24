// The lead's desk across the fleet: every dock's batches in one list with the dock's name, filtered by
// station. This station's rows open in review; another dock's are read-only here, marked as such, and
// offer a request to that dock (FleetRequestButton). The other docks' rows are as of the last pull,
// which the list says, with a plain line when the hub cannot be reached. Hidden off a fleet.
import { useState, type ReactNode } from 'react';
import type { DeskBatch } from '../../../../shared/contract/fleet-desk';
import { Message } from '../../components/Message';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { FleetRequestButton } from './FleetRequestButton';
import { fleetWhen } from './fleet-when';
import { useFleetDesk } from './use-fleet-desk';
import './fleet.css';

const ALL = '\u0000all';
const HERE = '\u0000here';

interface Props {
  onOpen(batchId: number): void;
}

export function FleetBatches({ onOpen }: Props): ReactNode {
  const { t } = useTranslation('fleet');
  const { desk, error, reload } = useFleetDesk();
  const [filter, setFilter] = useState(ALL);
  if (error) return <Message kind="error" testId="fleet-desk-error">{error}</Message>;
  if (!desk?.member) return null;
  const rows = desk.batches.filter((b) => filter === ALL || (filter === HERE ? b.own : !b.own && b.stationName === filter));
  const others = desk.batches.filter((b) => !b.own).length;
  const empty = filter === ALL ? t('emptyAll') : filter === HERE ? t('emptyHere') : t('emptyStation', { station: filter });

  return (
    <section className="fleet-desk" aria-labelledby="fleet-desk-title" data-testid="fleet-desk">
      <h2 id="fleet-desk-title">{t('title')}</h2>
      <p className="hint" data-testid="fleet-desk-as-of">
        {desk.asOf === null ? t('neverPulled') : t('asOf', { time: fleetWhen(desk.asOf), count: others })}
      </p>
      {desk.problem !== null && (
        <p className="message message-error" role="status" data-testid="fleet-desk-offline">
          {t('offline')} <span className="review-sub">{desk.problem}</span>
        </p>
      )}
      <label className="field fleet-desk-filter">
        <span>{t('filterLabel')}</span>
        <select value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="fleet-desk-filter">
          <option value={ALL}>{t('filterAll')}</option>
          <option value={HERE}>{t('filterHere', { name: desk.stationName ?? '' })}</option>
          {desk.otherStations.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      {rows.length === 0 ? (
        <p className="big-text" data-testid="fleet-desk-empty">
          {empty}
        </p>
      ) : (
        <table className="table lead-table batch-table">
          <thead>
            <tr>
              <th scope="col">{t('colStation')}</th>
              <th scope="col">{t('colBatch')}</th>
              <th scope="col">{t('colState')}</th>
              <th scope="col" className="num">
                {t('colLines')}
              </th>
              <th scope="col">{t('colStarted')}</th>
              <th scope="col">{t('colAction')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <FleetRow key={`${b.stationName}\u0000${b.batchName}`} batch={b} onOpen={onOpen} onRequested={reload} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FleetRow({ batch: b, onOpen, onRequested }: { batch: DeskBatch; onOpen(batchId: number): void; onRequested(): void }): ReactNode {
  const { t } = useTranslation('fleet');
  const testId = `fleet-row-${b.stationName}-${b.batchName}`.replace(/\s+/g, '-');
  return (
    <tr data-testid={testId} data-own={b.own} data-state={b.state}>
      <td>
        {b.stationName}
        {!b.own && (
          <div>
            <span className="chip" data-testid={`${testId}-elsewhere`}>
              {t('anotherDock')}
            </span>
          </div>
        )}
      </td>
      <th scope="row" className="batch-name">
        {b.batchName}
      </th>
      <td>
        <span className={`chip chip-batch-${b.state}`}>{t(`state.${b.state}`, { defaultValue: b.state })}</span>
        {b.heldElsewhere > 0 && (
          <div className="fleet-held-elsewhere" data-testid={`${testId}-held-elsewhere`}>
            {t('heldElsewhere', { count: b.heldElsewhere })}
          </div>
        )}
      </td>
      <td className="num">{formatNumber(b.devices)}</td>
      <td>{b.createdBy === null || b.createdAt === null ? t('startedUnknown') : t('started', { who: b.createdBy, when: fleetWhen(b.createdAt) })}</td>
      <td>
        {b.own && b.batchId !== null ? (
          <button type="button" className="btn btn-small btn-primary" onClick={() => b.batchId !== null && onOpen(b.batchId)} data-testid={`${testId}-open`}>
            {b.state === 'closed' ? t('review') : t('open')}
          </button>
        ) : (
          <FleetRequestButton batch={b} testId={testId} onRequested={onRequested} />
        )}
      </td>
    </tr>
  );
}
