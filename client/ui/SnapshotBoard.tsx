import { useTranslation } from 'react-i18next';
import { COLUMNS, type ColumnDef, type ColumnId, type Lang } from '../../shared/columns.js';
import type { Partner } from '../../shared/partners.js';
import { cardPartnerIds } from '../../shared/provenance.js';
import type { CardSnapshot, MapSnapshot } from '../../shared/readModel.js';
import { useHyphenate } from '../lib/useHyphenate.js';

/** How much of a card the fitted projector board shows (computed in features/projector/fit). */
export type Density = 'full' | 'compact' | 'line';

interface BoardProps {
  map: MapSnapshot;
  partners: ReadonlyMap<string, Partner>;
  lang: Lang;
  /** Columns of the current step, highlighted; null when nobody guides (all columns alike). */
  active: readonly ColumnId[] | null;
  /** Headings inside the board start at this level (h2 on the projector, h3 in a dialog under an h2). */
  headingLevel?: 2 | 3;
  testIdPrefix: string;
}

/**
 * A read-only picture of a map: the five columns right to left (DOM order step 1..5), each card with
 * its text, partner and status. No controls. Used by the projector and to look at a saved version.
 */
export function SnapshotBoard({ map, partners, lang, active, headingLevel = 2, testIdPrefix }: BoardProps) {
  return (
    <div className="snapshot-board">
      {COLUMNS.map((column) => (
        <SnapshotColumn
          key={column.id}
          column={column}
          cards={map.columns[column.id]}
          partners={partners}
          lang={lang}
          highlighted={active?.includes(column.id) ?? false}
          dimmed={!!active && !active.includes(column.id)}
          headingLevel={headingLevel}
          testIdPrefix={testIdPrefix}
          showQuestion={!!active?.includes(column.id)}
        />
      ))}
    </div>
  );
}

interface ColumnProps {
  column: ColumnDef;
  cards: readonly CardSnapshot[];
  partners: ReadonlyMap<string, Partner>;
  lang: Lang;
  highlighted: boolean;
  dimmed: boolean;
  headingLevel: 2 | 3;
  testIdPrefix: string;
  showQuestion: boolean;
  large?: boolean;
}

export function SnapshotColumn({
  column,
  cards,
  partners,
  lang,
  highlighted,
  dimmed,
  headingLevel,
  testIdPrefix,
  showQuestion,
  large,
}: ColumnProps) {
  const { t } = useTranslation();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = `${testIdPrefix}-${column.id}-title`;
  return (
    <section
      className={large ? 'snap-column snap-column-large' : 'snap-column'}
      data-testid={`${testIdPrefix}.column.${column.id}`}
      data-active={highlighted || undefined}
      data-dimmed={dimmed || undefined}
      aria-labelledby={titleId}
    >
      <H id={titleId} className="snap-column-title">
        <span className="snap-step">{t('map.step', { n: column.step })}</span> {column.label[lang]}
        {highlighted && <span className="sr-only"> ({t('projector.activeStep')})</span>}
      </H>
      {showQuestion && <p className="snap-question">{column.question[lang]}</p>}
      {large && (
        <ul className="snap-prompts">
          {column.prompts.map((p, i) => (
            <li key={i}>{p[lang]}</li>
          ))}
        </ul>
      )}
      {cards.length === 0 ? (
        <p className="snap-empty">{t('map.emptyColumn')}</p>
      ) : (
        <ul className="snap-cards">
          {cards.map((card) => (
            <li key={card.id}>
              <SnapshotCard card={card} partner={partners.get(card.partner)} partners={partners} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SnapshotCard({
  card,
  partner,
  partners,
  large,
  fit,
}: {
  card: CardSnapshot;
  partner?: Partner;
  /** Needed to name the partner maps a joint card came from. */
  partners?: ReadonlyMap<string, Partner>;
  large?: boolean;
  /** On the fitted projector board: how dense, and how many lines of text before the "…". */
  fit?: { density: Density; lines: number; shortened: boolean };
}) {
  const { t } = useTranslation();
  // Soft hyphens in long words ([U20]): the fit measures the text as typed; breaks at them only add lines' ends.
  const h = useHyphenate();
  const support = card.supporters.length;
  return (
    <article
      className={large ? 'snap-card snap-card-large' : 'snap-card'}
      data-testid="snapshot.card"
      data-card-id={card.id}
      data-status={card.status}
      data-density={fit?.density}
      data-shortened={fit?.shortened || undefined}
      style={{
        ['--partner-color' as string]: partner?.color ?? '#4d4d4d',
        ...(fit ? { ['--lines' as string]: fit.lines } : {}),
      }}
    >
      <p className="snap-card-text">{h(card.plainText) || t('card.emptyText')}</p>
      {card.column === 'steps' && (card.who || card.what || card.when) && (
        <dl className="snap-www">
          {card.who && (
            <div>
              <dt>{t('projector.who')}</dt>
              <dd>{h(card.who)}</dd>
            </div>
          )}
          {card.what && (
            <div>
              <dt>{t('projector.what')}</dt>
              <dd>{h(card.what)}</dd>
            </div>
          )}
          {card.when && (
            <div>
              <dt>{t('projector.when')}</dt>
              <dd>{h(card.when)}</dd>
            </div>
          )}
        </dl>
      )}
      <p className="snap-card-meta">
        {(card.origins ?? []).length === 0
          ? partner && <span className="snap-partner">{partner.name}</span>
          : cardPartnerIds(card).map((id) => (
              <span
                key={id}
                className="snap-partner"
                data-testid="snapshot.origin"
                style={{ ['--partner-color' as string]: partners?.get(id)?.color }}
              >
                {partners?.get(id)?.name ?? id}
              </span>
            ))}
        {card.status !== 'open' && (
          <span className={`snap-status snap-status-${card.status}`}>{t(`method.status.${card.status}`)}</span>
        )}
        {support > 0 && <span className="snap-support">{t('projector.support', { count: support })}</span>}
      </p>
      {large && card.arguments.length > 0 && (
        <div className="snap-arguments">
          {(['for', 'against'] as const).map((side) => {
            const list = card.arguments.filter((a) => a.side === side);
            if (!list.length) return null;
            return (
              <div key={side} className={`snap-arg-${side}`}>
                <h3>{t(`projector.arguments.${side}`)}</h3>
                <ul>
                  {list.map((a) => (
                    <li key={a.id}>{h(a.text)}</li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      )}
    </article>
  );
}
