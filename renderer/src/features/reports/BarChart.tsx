// A bar chart drawn in SVG: one bar per bucket, stacked by series when there are several, with a
// labelled y axis (round ticks), bucket labels on the x axis, totals over the bars and a legend
// (above the bars, so it is read first).
// Every segment has a <title>, so hovering it (or a screen reader) gives the exact figure.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { bucketLabel, niceTicks, seriesColours } from './chart-scale';

export interface Series {
  name: string;
  /** bucket -> count */
  values: ReadonlyMap<string, number>;
}

interface Props {
  buckets: readonly string[];
  series: readonly Series[];
  xTitle: string;
  yTitle: string;
  /** The figure with its unit, for the titles ("30 scans", "1 device"). */
  unit: (count: number) => string;
  testId: string;
  legend?: boolean;
}

const W = 960;
const H = 290;
const M = { left: 64, right: 12, top: 22, bottom: 64 };

export function BarChart({ buckets, series, xTitle, yTitle, unit, testId, legend = true }: Props): ReactNode {
  const { t } = useTranslation('reports');
  const totals = buckets.map((b) => series.reduce((sum, s) => sum + (s.values.get(b) ?? 0), 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks.at(-1) ?? 1;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const band = plotW / Math.max(1, buckets.length);
  const barW = Math.max(2, Math.min(56, band * 0.72));
  const y = (v: number): number => M.top + plotH - (v / top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 14));
  const grand = totals.reduce((a, b) => a + b, 0);

  return (
    <figure className="chart" data-testid={testId} data-total={grand}>
      {legend && series.length > 0 && (
        <figcaption>
          <ul className="chart-legend" data-testid={`${testId}-legend`}>
            {series.map((s, si) => (
              <li key={s.name}>
                <svg width="18" height="18" aria-hidden="true" className="chart-swatch">
                  <rect width="18" height="18" rx="3" fill={seriesColours[si % seriesColours.length]} />
                </svg>
                {s.name} <strong>{formatNumber([...s.values.values()].reduce((a, b) => a + b, 0))}</strong>
              </li>
            ))}
          </ul>
        </figcaption>
      )}
      <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg" role="img" aria-label={t('chart.label', { y: yTitle, x: xTitle, all: unit(grand) })}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? 'chart-axis' : 'chart-grid'} />
            <text x={M.left - 8} y={y(tick)} className="chart-tick" textAnchor="end" dominantBaseline="middle">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const x = M.left + i * band + (band - barW) / 2;
          let base = 0;
          return (
            <g key={b} data-bucket={b}>
              {series.map((s, si) => {
                const v = s.values.get(b) ?? 0;
                if (v === 0) return null;
                const rect = (
                  <rect key={s.name} x={x} width={barW} y={y(base + v)} height={Math.max(1, y(base) - y(base + v))} fill={seriesColours[si % seriesColours.length]} stroke="#ffffff" strokeWidth={1}>
                    <title>{series.length > 1 ? t('chart.segmentOf', { name: s.name, bucket: bucketLabel(b), value: unit(v) }) : t('chart.segment', { bucket: bucketLabel(b), value: unit(v) })}</title>
                  </rect>
                );
                base += v;
                return rect;
              })}
              {totals[i] !== 0 && band >= 22 && (
                <text x={x + barW / 2} y={y(totals[i] ?? 0) - 5} className="chart-value" textAnchor="middle">
                  {formatNumber(totals[i] ?? 0)}
                </text>
              )}
              {i % labelEvery === 0 && (
                <text x={M.left + i * band + band / 2} y={M.top + plotH + 20} className="chart-tick" textAnchor="middle">
                  {bucketLabel(b)}
                </text>
              )}
            </g>
          );
        })}
        <text x={M.left + plotW / 2} y={H - 10} className="chart-title" textAnchor="middle">
          {xTitle}
        </text>
        <text transform={`translate(16 ${M.top + plotH / 2}) rotate(-90)`} className="chart-title" textAnchor="middle">
          {yTitle}
        </text>
      </svg>
    </figure>
  );
}
