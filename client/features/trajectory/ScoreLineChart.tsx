import { Fragment, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutScoreChart, SCORE_SERIES, type ChartPoint, type ScoreSeries } from '../../../shared/scoreChart.js';
import { meetingRows, type LineWho, type MeetingScores } from '../../../shared/scoreLine.js';
import { useLang } from '../../i18n/index.js';
import { usePartners } from '../../workshop/hooks.js';

/**
 * The console draws at the panel's own width in pixels (measured), so its text is real 12 px however
 * narrow the panel; the projector draws one layout scaled to fill its screen (viewBox units).
 */
const SIZES = {
  console: { width: 640, height: 210, font: 12, marker: 4.5, line: 2.5 },
  projector: { width: 960, height: 400, font: 19, marker: 8, line: 4 },
} as const;

/** The width of an element in pixels, kept current; null before layout (and in jsdom, which has none). */
function useWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      setWidth(w > 0 ? w : null);
    };
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** The two lines differ in stroke pattern and marker shape as well as colour, so no one needs the colour. */
const STYLE: Record<ScoreSeries, { color: string; dash?: string }> = {
  klik: { color: 'var(--primary)' },
  taak: { color: '#a34600', dash: '9 6' },
};

function Marker({ series, p, r }: { series: ScoreSeries; p: ChartPoint; r: number }) {
  const { color } = STYLE[series];
  return series === 'klik' ? (
    <circle cx={p.x} cy={p.y} r={r} fill={color} />
  ) : (
    <rect x={p.x - r} y={p.y - r} width={2 * r} height={2 * r} fill="#fff" stroke={color} strokeWidth={r / 2} />
  );
}

/** The legend as text with a sample of each line, outside the SVG so it wraps like any text. */
export function ScoreLegend() {
  const { t } = useTranslation();
  return (
    <ul className="score-legend">
      {SCORE_SERIES.map((s) => (
        <li key={s}>
          <svg width="44" height="16" viewBox="0 0 44 16" aria-hidden="true">
            <line
              x1="2"
              y1="8"
              x2="42"
              y2="8"
              stroke={STYLE[s].color}
              strokeWidth="3"
              strokeDasharray={STYLE[s].dash}
            />
            <Marker series={s} p={{ x: 22, y: 8, value: 0, meeting: 0, kind: 'checkin' }} r={5} />
          </svg>
          {t(`scoreLine.${s}`)}
        </li>
      ))}
    </ul>
  );
}

const shortDay = (date: string, lang: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'short',
  });
};

/**
 * [Y7] De klik and de taak over the meetings as an inline SVG: a band per meeting with the check-in
 * and check-out, the scale 1–10, the value at each point. The picture has a name; the numbers
 * themselves are in ScoreLineTable, which is what a screen reader reads.
 */
export function ScoreLineChart({
  line,
  who,
  size,
}: {
  line: readonly MeetingScores[];
  who: LineWho;
  size: keyof typeof SIZES;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const partners = usePartners();
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box);
  const s = size === 'console' && measured ? { ...SIZES.console, width: Math.max(240, measured) } : SIZES[size];
  const f = s.font;
  const chart = layoutScoreChart(line, who, {
    width: s.width,
    height: s.height,
    margin: { left: f * 2.2, top: f, right: f * 0.8, bottom: f * 3.3 },
  });
  const { plot } = chart;
  // Many meetings in a narrow panel: the label keeps its number only, "in/uit" go when they would touch.
  const band = chart.meetings[0] ? chart.meetings[0].right - chart.meetings[0].left : 0;
  const fits = (text: string) => text.length * f * 0.62 <= band - 4;
  const roomy = band * 0.4 >= f * 2.2;
  const meetingLabel = (i: number) => {
    const short = t('scoreLine.meetingShort', { n: line[i].meeting.n });
    const full = `${short} · ${shortDay(line[i].meeting.date, lang)}`;
    return fits(full) ? full : short;
  };
  const n = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const whoName = who.kind === 'overall' ? t('scoreLine.everyone') : (partners.get(who.id)?.name ?? who.id);
  // A value goes on the side away from the other line, so the two labels of a moment never overlap.
  const above = (series: ScoreSeries, p: ChartPoint) => {
    const other = chart.series[series === 'klik' ? 'taak' : 'klik'].find(
      (q) => q.meeting === p.meeting && q.kind === p.kind,
    );
    if (!other) return p.y > plot.top + f * 1.5;
    return series === 'klik' ? p.value >= other.value : p.value > other.value;
  };
  return (
    <div ref={box} className="score-chart-box">
      <svg
        className="score-chart"
        viewBox={`0 0 ${s.width} ${s.height}`}
        role="img"
        aria-label={t('scoreLine.chartName', { who: whoName })}
        data-testid="scoreLine.chart"
        data-points={chart.series.klik.length}
        fontSize={f}
      >
        {chart.yTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke="#d3d6dc" strokeWidth={1} />
            <text x={plot.left - f * 0.4} y={tick.y + f * 0.35} textAnchor="end" fill="#474c55">
              {tick.value}
            </text>
          </g>
        ))}
        {chart.meetings.map((m, i) => (
          <g key={line[i].meeting.id}>
            {i > 0 && (
              <line x1={m.left} x2={m.left} y1={plot.top} y2={plot.bottom} stroke="#767b84" strokeDasharray="2 4" />
            )}
            {roomy && (
              <>
                <text x={m.checkin} y={plot.bottom + f * 1.2} textAnchor="middle" fill="#474c55">
                  {t('scoreLine.in')}
                </text>
                <text x={m.checkout} y={plot.bottom + f * 1.2} textAnchor="middle" fill="#474c55">
                  {t('scoreLine.out')}
                </text>
              </>
            )}
            <text x={m.center} y={plot.bottom + f * 2.6} textAnchor="middle" fontWeight="bold" fill="#1b1c1f">
              {meetingLabel(i)}
            </text>
          </g>
        ))}
        {SCORE_SERIES.map((series) => {
          const points = chart.series[series];
          const { color, dash } = STYLE[series];
          return (
            <g key={series} data-series={series}>
              {points.length > 1 && (
                <polyline
                  points={points.map((p) => `${p.x},${p.y}`).join(' ')}
                  fill="none"
                  stroke={color}
                  strokeWidth={s.line}
                  strokeDasharray={dash}
                  strokeLinejoin="round"
                />
              )}
              {points.map((p) => (
                <Fragment key={`${p.meeting}.${p.kind}`}>
                  <Marker series={series} p={p} r={s.marker} />
                  <text
                    x={p.x}
                    y={above(series, p) ? p.y - s.marker - f * 0.35 : p.y + s.marker + f * 1.05}
                    textAnchor="middle"
                    fontWeight="bold"
                    fill={color}
                    paintOrder="stroke"
                    stroke="#fff"
                    strokeWidth={f * 0.25}
                  >
                    {n(p.value)}
                  </text>
                </Fragment>
              ))}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/**
 * [Y7] The same numbers as a table, narrow enough for the console's side panel: per meeting a heading
 * row, per moment a row with how many answered, then everyone and each partner with averages.
 */
export function ScoreLineTable({ line, className }: { line: readonly MeetingScores[]; className?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const partners = usePartners();
  const order = [...partners.keys()];
  const n = (x: number) => x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  const groups = line.map((m) => ({ m, rows: meetingRows(m, order) })).filter((g) => g.rows.length > 0);
  return (
    <table className={className ?? 'score-table'} data-testid="scoreLine.table">
      <caption>{t('scoreLine.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('scoreLine.who')}</th>
          <th scope="col">{t('scoreLine.klik')}</th>
          <th scope="col">{t('scoreLine.taak')}</th>
        </tr>
      </thead>
      {groups.map(({ m, rows }) => (
        <tbody key={m.meeting.id} data-testid="scoreLine.meeting">
          <tr className="score-table-meeting">
            <th scope="colgroup" colSpan={3}>
              {t('scoreLine.meeting', { n: m.meeting.n })} · {shortDay(m.meeting.date, lang)}
            </th>
          </tr>
          {rows.map((r) => (
            <Fragment key={`${r.kind}.${r.who.kind === 'partner' ? r.who.id : ''}`}>
              {r.who.kind === 'overall' && (
                <tr className="score-table-moment">
                  <th scope="colgroup" colSpan={3}>
                    {t('scoreLine.momentLine', { kind: t(`scoreLine.${r.kind}`), count: r.answered })}
                  </th>
                </tr>
              )}
              <tr data-kind={r.kind}>
                <th scope="row">
                  {r.who.kind === 'overall'
                    ? t('scoreLine.everyone')
                    : `${partners.get(r.who.id)?.name ?? r.who.id} (${r.answered})`}
                </th>
                {r.scores ? (
                  <>
                    <td>{n(r.scores.klik)}</td>
                    <td>{n(r.scores.taak)}</td>
                  </>
                ) : (
                  <td colSpan={2}>{t('scoreLine.tooFew')}</td>
                )}
              </tr>
            </Fragment>
          ))}
        </tbody>
      ))}
    </table>
  );
}
