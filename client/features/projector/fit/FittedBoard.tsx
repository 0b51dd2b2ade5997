import {
  memo,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS, getColumn, type ColumnDef, type ColumnId, type Lang } from '../../../../shared/columns.js';
import type { Partner } from '../../../../shared/partners.js';
import type { CardSnapshot, MapSnapshot } from '../../../../shared/readModel.js';
import { SnapshotCard } from '../../../ui/SnapshotBoard.js';
import { fitCard, fitLayout, type CardFit, type ColumnFit, type FitColumn, type Paragraphs } from './fitLayout.js';
import { pageMeasurers, type TextMeasurer } from './measure.js';
import { useBoxSize } from '../../../lib/useBoxSize.js';

type T = (key: string, options?: Record<string, unknown>) => string;

/** The text a card shows, as measured and as drawn: the same string in both places. */
export function cardText(card: CardSnapshot, t: T): string {
  return card.plainText || t('card.emptyText');
}

/** Who / what / when of an action card, each as "label value". */
function wwwFields(card: CardSnapshot, t: T): string[] {
  if (card.column !== 'steps') return [];
  const out: string[] = [];
  if (card.who) out.push(`${t('projector.who')} ${card.who}`);
  if (card.what) out.push(`${t('projector.what')} ${card.what}`);
  if (card.when) out.push(`${t('projector.when')} ${card.when}`);
  return out;
}

const flat = (p: Paragraphs): Paragraphs => [p.flat()];

function fitColumnOf(
  column: ColumnDef,
  cards: readonly CardSnapshot[],
  lang: Lang,
  t: T,
  m: { regular: TextMeasurer; bold: TextMeasurer },
  withQuestion: boolean,
): FitColumn {
  return {
    id: column.id,
    step: m.bold.paragraphs(t('map.step', { n: column.step })),
    title: m.bold.paragraphs(column.label[lang]),
    question: withQuestion ? m.bold.paragraphs(column.question[lang]) : [],
    prompts: column.prompts.map((p) => flat(m.regular.paragraphs(p[lang]))[0]),
    cards: cards.map((card) => ({
      id: card.id,
      text: m.regular.paragraphs(cardText(card, t)),
      // The bold label measured as regular text: a few percent narrower, inside the fit's safety margin.
      www: wwwFields(card, t).map((f) => flat(m.regular.paragraphs(f))[0]),
    })),
  };
}

interface Props {
  map: MapSnapshot;
  partners: ReadonlyMap<string, Partner>;
  lang: Lang;
  /** Columns of the current step; null when nobody guides (all columns alike). */
  active: readonly ColumnId[] | null;
  /** One column in focus: only it, with its prompts. */
  focusColumn?: ColumnId;
  testIdPrefix: string;
}

/**
 * The projector's map, laid out by `fitLayout` for the box it gets: every card of the active
 * column(s) on the screen, the other columns as compact lines. Widths and font sizes move with a
 * transition, so a focus change or a new card zooms instead of jumping.
 */
export const FittedBoard = memo(function FittedBoard({
  map,
  partners,
  lang,
  active,
  focusColumn,
  testIdPrefix,
}: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const size = useBoxSize(ref);
  const shown = focusColumn ? [getColumn(focusColumn)] : COLUMNS;
  const activeIds = focusColumn ? [focusColumn] : (active ?? []);
  const activeKey = activeIds.join(',');

  // Measuring (only texts not seen before) and fitting, timed together: `npm run bench` reads data-fit-ms.
  // biome-ignore lint/correctness/useExhaustiveDependencies: activeKey and the map stand for shown and activeIds, which are new arrays on every render
  const fitted = useMemo(() => {
    if (!size) return null;
    const start = performance.now();
    const m = pageMeasurers();
    // The question of the step now (or of the column in focus); when nobody guides, only the titles.
    const columns = shown.map((c) =>
      fitColumnOf(c, map.columns[c.id], lang, t, m, !!focusColumn || activeIds.includes(c.id)),
    );
    const result = fitLayout({
      width: size.width,
      height: size.height,
      viewportHeight: window.innerHeight,
      columns,
      active: activeKey ? activeKey.split(',') : [],
      space: m.regular.space,
      showPrompts: !!focusColumn,
    });
    return { result, ms: performance.now() - start };
    // `shown` follows focusColumn, `activeIds` activeKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [size, map, lang, t, activeKey, focusColumn]);

  const byId = new Map(fitted?.result.columns.map((c) => [c.id, c]));
  return (
    <div
      ref={ref}
      className="fit-board"
      data-testid={`${testIdPrefix}.board`}
      data-fitted={fitted ? (fitted.result.fits ? 'yes' : 'no') : undefined}
      data-fit-ms={fitted ? fitted.ms.toFixed(2) : undefined}
      data-font={fitted?.result.font}
      data-floor={fitted?.result.floor}
      style={{ gap: fitted ? `${fitted.result.gap}px` : undefined }}
    >
      {fitted &&
        shown.map((column) => (
          <FittedColumn
            key={column.id}
            column={column}
            cards={map.columns[column.id]}
            fit={byId.get(column.id)!}
            partners={partners}
            lang={lang}
            highlighted={!!active?.includes(column.id)}
            dimmed={!focusColumn && !!active && !active.includes(column.id)}
            prompts={!!focusColumn}
            testIdPrefix={testIdPrefix}
          />
        ))}
    </div>
  );
});

function FittedColumn({
  column,
  cards,
  fit,
  partners,
  lang,
  highlighted,
  dimmed,
  prompts,
  testIdPrefix,
}: {
  column: ColumnDef;
  cards: readonly CardSnapshot[];
  fit: ColumnFit;
  partners: ReadonlyMap<string, Partner>;
  lang: Lang;
  highlighted: boolean;
  dimmed: boolean;
  prompts: boolean;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const titleId = `${testIdPrefix}-${column.id}-title`;
  const fits = new Map(fit.cards.map((c) => [c.id, c]));
  const style = {
    width: `${fit.width}px`,
    fontSize: `${fit.font}px`,
    ['--sub-columns' as string]: fit.subColumns,
  } as CSSProperties;
  return (
    <section
      className="snap-column fit-column"
      style={style}
      data-testid={`${testIdPrefix}.column.${column.id}`}
      data-active={highlighted || undefined}
      data-dimmed={dimmed || undefined}
      data-fit-active={fit.active || undefined}
      data-density={fit.density}
      data-sub-columns={fit.subColumns}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="snap-column-title fit-title">
        <span className="snap-step">{t('map.step', { n: column.step })}</span> {column.label[lang]}
        {highlighted && <span className="sr-only"> ({t('projector.activeStep')})</span>}
      </h2>
      {fit.questionLines > 0 && <p className="snap-question fit-question">{column.question[lang]}</p>}
      {prompts && (
        <ul className="snap-prompts fit-prompts">
          {column.prompts.map((p, i) => (
            <li key={i}>{p[lang]}</li>
          ))}
        </ul>
      )}
      {cards.length === 0 ? (
        <p className="snap-empty">{t('map.emptyColumn')}</p>
      ) : (
        <ul className="snap-cards fit-cards">
          {cards.map((card) => {
            const f: CardFit = fits.get(card.id) ?? { id: card.id, lines: 1, shortened: false, visible: true };
            return (
              <li key={card.id} hidden={!f.visible || undefined}>
                <SnapshotCard
                  card={card}
                  partner={partners.get(card.partner)}
                  partners={partners}
                  fit={{ density: fit.density, lines: f.lines, shortened: f.shortened }}
                />
              </li>
            );
          })}
        </ul>
      )}
      {fit.hidden > 0 && (
        <p className="fit-more" data-testid={`${testIdPrefix}.more.${column.id}`}>
          {t('projector.more', { count: fit.hidden })}
        </p>
      )}
    </section>
  );
}

/** The height of what `ref` holds (0 when empty), followed as it changes. */
function useHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setHeight(Math.ceil(el.getBoundingClientRect().height));
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}

/**
 * One card in focus, whole, as large as the box allows. `below` (the card's links) stands right under
 * the card, inside the box: the card is fitted to the room the box has left above it, so the two read
 * as one block however short the card is.
 */
export function FittedCard({
  card,
  partners,
  below,
}: {
  card: CardSnapshot;
  partners: ReadonlyMap<string, Partner>;
  below?: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const belowRef = useRef<HTMLDivElement>(null);
  const size = useBoxSize(ref);
  const belowHeight = useHeight(belowRef);
  const fit = useMemo(() => {
    if (!size) return null;
    const m = pageMeasurers();
    const blocks = [{ paras: m.regular.paragraphs(cardText(card, t)), scale: 1 }];
    for (const f of wwwFields(card, t)) blocks.push({ paras: m.regular.paragraphs(f), scale: 0.9 });
    for (const side of ['for', 'against'] as const) {
      const list = card.arguments.filter((a) => a.side === side);
      if (!list.length) continue;
      blocks.push({ paras: m.bold.paragraphs(t(`projector.arguments.${side}`)), scale: 0.6 });
      for (const a of list) blocks.push({ paras: m.regular.paragraphs(a.text), scale: 0.6 });
    }
    return fitCard({
      width: size.width,
      height: Math.max(0, size.height - belowHeight),
      viewportHeight: window.innerHeight,
      blocks,
      space: m.regular.space,
    });
  }, [size, belowHeight, card, t]);
  return (
    <div ref={ref} className="fit-card-focus" data-testid="projector.cardBox">
      {fit && (
        <div
          className="fit-card-focus-inner"
          style={{ fontSize: `${fit.font}px`, width: `${fit.width}px` }}
          data-font={fit.font}
        >
          <SnapshotCard card={card} partner={partners.get(card.partner)} partners={partners} large />
        </div>
      )}
      {below !== undefined && (
        <div ref={belowRef} className="fit-card-below">
          {below}
        </div>
      )}
    </div>
  );
}
