import { layoutScoreChart, SCORE_SERIES, type ChartPoint, type ScoreSeries } from '../scoreChart.js';
import type { ConvenantBlock } from './convenantTypes.js';
import { BOLD, REGULAR, type PdfDoc, type StructElement } from './pdfKit.js';

type ChartBlock = Extract<ConvenantBlock, { kind: 'scoreChart' }>;

const HEIGHT = 190;
const LEGEND = 18;
const FONT = 8;
/** As on screen: the lines differ by pattern and marker shape, not only by colour. */
const STYLE: Record<ScoreSeries, { color: string; dash: number | null }> = {
  klik: { color: '#1d4f91', dash: null },
  taak: { color: '#a34600', dash: 5 },
};

function marker(doc: PdfDoc, series: ScoreSeries, x: number, y: number, r: number) {
  if (series === 'klik') doc.circle(x, y, r).fill(STYLE.klik.color);
  else
    doc
      .rect(x - r, y - r, 2 * r, 2 * r)
      .lineWidth(1.2)
      .fillAndStroke('#ffffff', STYLE.taak.color);
}

/**
 * [Y8] The line of de klik and de taak over the meetings in a PDF, from the same layout as the screens
 * (scoreChart.ts): one Figure with the block's text alternative; the tables after it hold the numbers.
 */
export function drawScoreChart(
  doc: PdfDoc,
  parent: StructElement,
  block: ChartBlock,
  at: { x: number; width: number },
) {
  const bottomLimit = doc.page.height - doc.page.margins.bottom;
  if (doc.y + HEIGHT + LEGEND + 8 > bottomLimit) doc.addPage();
  const top = doc.y + 4;
  const chart = layoutScoreChart(
    block.line,
    { kind: 'overall' },
    {
      width: at.width,
      height: HEIGHT,
      margin: { left: 22, top: 8, right: 6, bottom: 30 },
    },
  );
  const X = (x: number) => at.x + x;
  const Y = (y: number) => top + LEGEND + y;
  const fig = doc.struct('Figure', { alt: block.alt });
  parent.add(fig);
  const content = doc.markStructureContent('Figure');
  doc.save();

  // The legend: a sample of each line with its name.
  let lx = X(chart.plot.left);
  for (const s of SCORE_SERIES) {
    const { color, dash } = STYLE[s];
    doc.lineWidth(1.8).strokeColor(color);
    if (dash) doc.dash(dash, { space: 3 });
    doc
      .moveTo(lx, top + 6)
      .lineTo(lx + 28, top + 6)
      .stroke();
    doc.undash();
    marker(doc, s, lx + 14, top + 6, 2.8);
    const label = block.labels[s];
    doc
      .font(BOLD)
      .fontSize(FONT + 1)
      .fillColor('#1a1a1a');
    doc.text(label, lx + 33, top + 1.5, { lineBreak: false });
    lx += 33 + doc.widthOfString(label) + 18;
  }

  // Scale 1–10 and the meetings' bands.
  doc.font(REGULAR).fontSize(FONT);
  for (const tick of chart.yTicks) {
    doc
      .lineWidth(0.4)
      .strokeColor('#d3d6dc')
      .moveTo(X(chart.plot.left), Y(tick.y))
      .lineTo(X(chart.plot.right), Y(tick.y))
      .stroke();
    doc.fillColor('#555555').text(String(tick.value), X(0), Y(tick.y) - FONT / 2, {
      width: chart.plot.left - 4,
      align: 'right',
      lineBreak: false,
    });
  }
  chart.meetings.forEach((m, i) => {
    if (i > 0) {
      doc.lineWidth(0.5).strokeColor('#8c8c8c').dash(1.5, { space: 2.5 });
      doc.moveTo(X(m.left), Y(chart.plot.top)).lineTo(X(m.left), Y(chart.plot.bottom)).stroke();
      doc.undash();
    }
    const below = Y(chart.plot.bottom) + 3;
    doc
      .font(REGULAR)
      .fontSize(FONT - 0.5)
      .fillColor('#555555');
    const band = m.right - m.left;
    // Many meetings: "Check-in/-out" go when they would touch, the label keeps its number only.
    if (band * 0.4 >= doc.widthOfString(block.labels.checkout) + 4)
      for (const [x, text] of [
        [m.checkin, block.labels.checkin],
        [m.checkout, block.labels.checkout],
      ] as const)
        doc.text(text, X(x) - 30, below, { width: 60, align: 'center', lineBreak: false });
    doc.font(BOLD).fontSize(FONT).fillColor('#1a1a1a');
    const full = block.labels.meetings[i] ?? '';
    const label = doc.widthOfString(full) <= band - 2 ? full : full.split(' · ')[0];
    doc.text(label, X(m.left), below + FONT + 3, {
      width: m.right - m.left,
      align: 'center',
      lineBreak: false,
    });
  });

  // The two lines, their markers and values (on the side away from the other line).
  for (const s of SCORE_SERIES) {
    const points = chart.series[s];
    const { color, dash } = STYLE[s];
    if (points.length > 1) {
      doc.lineWidth(1.8).strokeColor(color);
      if (dash) doc.dash(dash, { space: 3 });
      doc.moveTo(X(points[0].x), Y(points[0].y));
      for (const p of points.slice(1)) doc.lineTo(X(p.x), Y(p.y));
      doc.stroke();
      doc.undash();
    }
    const other = chart.series[s === 'klik' ? 'taak' : 'klik'];
    for (const p of points) {
      marker(doc, s, X(p.x), Y(p.y), 3);
      const q = other.find((o: ChartPoint) => o.meeting === p.meeting && o.kind === p.kind);
      const above = q ? (s === 'klik' ? p.value >= q.value : p.value > q.value) : p.y > chart.plot.top + 12;
      doc.font(BOLD).fontSize(FONT).fillColor(color);
      doc.text(
        p.value.toLocaleString(doc.options.lang?.startsWith('en') ? 'en-GB' : 'nl-NL'),
        X(p.x) - 20,
        above ? Y(p.y) - 13 : Y(p.y) + 5,
        {
          width: 40,
          align: 'center',
          lineBreak: false,
        },
      );
    }
  }

  doc.restore();
  doc.endMarkedContent();
  fig.add(content);
  fig.end();
  doc.x = at.x;
  doc.y = top + LEGEND + HEIGHT + 6;
}
