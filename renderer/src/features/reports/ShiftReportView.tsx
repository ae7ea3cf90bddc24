// The shift view: scans per hour per operator, batches by state, devices registered per day and the
// Partner Center error codes seen, for this shift, today or the last 7 days; Export CSV of the view.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ShiftReport } from '../../../../shared/contract/reports';
import { explainDeviceError, type DeviceErrorExplanation } from '../../../../shared/domain/device-errors';
import { Message } from '../../components/Message';
import { i18n, useTranslation } from '../../i18n';
import { errorText } from '../../i18n/errors';
import { formatDayTime, formatNumber } from '../../i18n/format';
import { useDbChanged } from '../../lib/use-db-changed';
import { useApi } from '../../store/provider';
import { saveTextFile } from '../../lib/files';
import { BarChart } from './BarChart';
import { adviceText } from '../../i18n/advice';
import { rangeFor, rangeIds, type RangeId } from './range';
import { registeredSeries, scanSeries } from './report-series';

const LIVE_TABLES = ['devices', 'batches', 'uploads'] as const;

export function ShiftReportView(): ReactNode {
  const { t } = useTranslation('reports');
  const api = useApi();
  const [rangeId, setRangeId] = useState<RangeId>('shift');
  const [report, setReport] = useState<ShiftReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    void api.call('reports:shift', rangeFor(rangeId)).then((result) => {
      if (mine !== seq.current) return;
      if (result.ok) {
        setReport(result.value);
        setError(null);
      } else setError(errorText(result.error));
    });
  }, [api, rangeId]);

  useEffect(() => load(), [load]);
  useDbChanged(LIVE_TABLES, load);

  async function exportCsv(): Promise<void> {
    if (!report) return;
    const result = await api.call('reports:exportCsv', { from: report.from, to: report.to });
    if (!result.ok) return setError(errorText(result.error));
    saveTextFile(result.value.fileName, result.value.csv);
    setNotice(t('saved', { file: result.value.fileName }));
  }

  const scans = report ? scanSeries(report) : null;
  const registered = report ? registeredSeries(report) : null;
  return (
    <section className="shift-report" data-testid="shift-report">
      <div className="report-bar">
        <div className="tabs" role="group" aria-label={t('rangeLabel')}>
          {rangeIds.map((id) => (
            <button key={id} type="button" className="tab" aria-pressed={rangeId === id} onClick={() => setRangeId(id)} data-testid={`report-range-${id}`}>
              {t(`range.${id}`)}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-small" disabled={!report} onClick={() => void exportCsv()} data-testid="report-export">
          {t('export')}
        </button>
      </div>
      {report && (
        <p className="hint" data-testid="report-period">
          {t('period', { from: formatDayTime(report.from), to: formatDayTime(report.to), zone: report.timeZone })}
        </p>
      )}
      <Message kind="error" testId="report-error">
        {error}
      </Message>
      <Message kind="success" testId="report-notice">
        {notice}
      </Message>
      {report && scans && registered && (
        <>
          <h2>{scans.by === 'hour' ? t('scans.perHour') : t('scans.perDay')}</h2>
          {scans.series.length === 0 ? (
            <p className="big-text" data-testid="report-no-scans">
              {t('scans.none')}
            </p>
          ) : (
            <BarChart buckets={scans.buckets} series={scans.series} xTitle={scans.by === 'hour' ? t('chart.hour') : t('chart.day')} yTitle={t('scans.y')} unit={(count) => t('scans.unit', { count })} testId="report-scans-chart" />
          )}
          <div className="report-grid">
            <div>
              <h2>{t('batches.title')}</h2>
              <table className="table lead-table" data-testid="report-batches">
                <tbody>
                  {report.batchesByState.length === 0 && (
                    <tr>
                      <td>{t('batches.none')}</td>
                    </tr>
                  )}
                  {report.batchesByState.map((b) => (
                    <tr key={b.state} data-testid={`report-batches-${b.state}`}>
                      <th scope="row">{t(`state.${b.state}`, { defaultValue: b.state })}</th>
                      <td className="num">{formatNumber(b.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <h2>{t('errors.title')}</h2>
              <ErrorCodes rows={report.errorCodes} identities={report.errorIdentities ?? []} />
            </div>
          </div>
          <h2>{t('registeredTitle')}</h2>
          {report.registeredPerDay.length === 0 ? (
            <p className="big-text" data-testid="report-no-registered">
              {t('registeredNone')}
            </p>
          ) : (
            <BarChart buckets={registered.buckets} series={registered.series} xTitle={t('chart.day')} yTitle={t('registeredY')} unit={(count) => t('registeredUnit', { count })} testId="report-registered-chart" legend={false} />
          )}
        </>
      )}
    </section>
  );
}

function ErrorCodes({ rows, identities }: { rows: ShiftReport['errorCodes']; identities: NonNullable<ShiftReport['errorIdentities']> }): ReactNode {
  const { t } = useTranslation('reports');
  if (rows.length === 0) return <p className="hint">{t('errors.none')}</p>;
  return (
    <table className="table lead-table" data-testid="report-errors">
      <thead>
        <tr>
          <th scope="col">{t('errors.code')}</th>
          <th scope="col">{t('errors.meaning')}</th>
          <th scope="col" className="num">
            {t('errors.devices')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code} data-testid={`report-error-${r.code}`}>
            <td>
              <strong>{r.code}</strong>
            </td>
            <td>
              {explanations(r, identities).map(({ sentBy, explained }) => (
                <div key={explained.meaning} className="report-error-explained" data-testid="report-error-explained">
                  <strong>{explained.name}</strong>
                  {sentBy && <span className="review-sub">{t('errors.sentBy', { who: sentBy })}</span>}
                  <div className="review-sub">{adviceText(explained).meaning}</div>
                  <div className="review-sub">{t('errors.whatToDo', { action: adviceText(explained).action })}</div>
                </div>
              ))}
            </td>
            <td className="num">{formatNumber(r.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One explanation per distinct meaning: a code whose devices were all sent by one identity reads as
 * that identity's explanation (812 for a tuple: check spelling and case); mixed identities name each.
 */
function explanations(row: ShiftReport['errorCodes'][number], identities: NonNullable<ShiftReport['errorIdentities']>): { sentBy: string | null; explained: DeviceErrorExplanation }[] {
  const kinds = identities.filter((i) => i.code === row.code);
  if (kinds.length <= 1) return [{ sentBy: null, explained: explainDeviceError(row.code, row.text, kinds[0]?.identity) }];
  const byMeaning = new Map<string, { sentBy: string[]; explained: DeviceErrorExplanation }>();
  for (const k of kinds) {
    const explained = explainDeviceError(row.code, row.text, k.identity);
    const entry = byMeaning.get(explained.meaning) ?? { sentBy: [], explained };
    entry.sentBy.push(i18n.t('errors.sentByOne', { ns: 'reports', identity: i18n.t(k.identity ? `identity.${k.identity}` : 'identity.none', { ns: 'reports' }), n: k.count }));
    byMeaning.set(explained.meaning, entry);
  }
  const groups = [...byMeaning.values()];
  return groups.map((g) => ({ sentBy: groups.length > 1 ? g.sentBy.join(', ') : null, explained: g.explained }));
}
