import { SCORE_MAX, SCORE_MIN } from './rounds/rounds.js';
import { momentScores, type LineWho, type MeetingScores } from './scoreLine.js';

/**
 * [Y7] Where the line over the trajectory is drawn, computed once for every renderer: the console and
 * the projector draw it as inline SVG, the PDF exports with PDFKit. Per meeting a band with two places,
 * check-in and check-out; the scale is the scores' own, 1 to 10. Texts are the renderer's (language).
 */

export const SCORE_SERIES = ['klik', 'taak'] as const;
export type ScoreSeries = (typeof SCORE_SERIES)[number];

export interface ChartPoint {
  x: number;
  y: number;
  value: number;
  /** Index of the meeting in the line. */
  meeting: number;
  kind: 'checkin' | 'checkout';
}

export interface ScoreChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** One per whole score, 1 to 10, bottom to top. */
  yTicks: { y: number; value: number }[];
  /** Per meeting: its band (for the label under it) and the x of its check-in and check-out. */
  meetings: { left: number; right: number; center: number; checkin: number; checkout: number }[];
  /** Per series the points in time order (check-in, check-out, next meeting…); moments without averages are left out. */
  series: Record<ScoreSeries, ChartPoint[]>;
}

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the scale on the left, the meeting labels below, half a marker above and right. */
  margin: { left: number; top: number; right: number; bottom: number };
}

export function layoutScoreChart(line: readonly MeetingScores[], who: LineWho, box: ChartBox): ScoreChartLayout {
  const plot = {
    left: box.margin.left,
    top: box.margin.top,
    right: box.width - box.margin.right,
    bottom: box.height - box.margin.bottom,
  };
  const yOf = (v: number) => plot.bottom - ((v - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)) * (plot.bottom - plot.top);
  const band = (plot.right - plot.left) / Math.max(1, line.length);
  const meetings = line.map((_, i) => {
    const left = plot.left + i * band;
    return {
      left,
      right: left + band,
      center: left + band / 2,
      checkin: left + band * 0.3,
      checkout: left + band * 0.7,
    };
  });
  const series: Record<ScoreSeries, ChartPoint[]> = { klik: [], taak: [] };
  line.forEach((m, i) => {
    for (const kind of ['checkin', 'checkout'] as const) {
      const s = momentScores(m[kind], who);
      if (!s) continue;
      for (const name of SCORE_SERIES)
        series[name].push({ x: meetings[i][kind], y: yOf(s[name]), value: s[name], meeting: i, kind });
    }
  });
  const yTicks = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, k) => ({
    value: SCORE_MIN + k,
    y: yOf(SCORE_MIN + k),
  }));
  return { width: box.width, height: box.height, plot, yTicks, meetings, series };
}
