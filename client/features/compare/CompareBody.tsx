import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS, getColumn, type ColumnId } from '../../../shared/columns.js';
import type { GroupTagEntry } from '../../../shared/compare/groupTags.js';
import type { GroupTag } from '../../../shared/compare/merge.js';
import type { Partner } from '../../../shared/partners.js';
import type { CardSnapshot } from '../../../shared/readModel.js';
import { NEUTRAL_COLOR } from '../../collab/presence.js';
import { useLang } from '../../i18n/index.js';
import { Hyphenated } from '../../ui/Hyphenated.js';
import { PartnerBadge } from '../../ui/PartnerBadge.js';
import { tagForTake, type ColumnComparison, type CompareGroup, type PartnerCard } from './model.js';
import { FittedList } from './FittedList.js';
import { OriginBadges } from './OriginBadges.js';
import { TagControl, type TagActions } from './TagControl.js';
import { TakeForm } from './TakeForm.js';

export interface CompareActions extends TagActions {
  /** Why nothing can go onto the joint map now (closed step, writing alone), or null. */
  takeBlocked: string | null;
  take(cards: readonly PartnerCard[], text: string, tag: GroupTag | ''): void;
  /** The group whose take just happened: its status takes focus (the form is gone). */
  justTaken: string | null;
  /** The facilitator's corrections of the grouping ([C4]); null for everyone else. */
  regroup: {
    /** "Niet hetzelfde": take this card out of its group. */
    split(card: PartnerCard, group: CompareGroup): void;
    /** Put two groups (or single cards) together that the similarity left apart. */
    join(group: CompareGroup, other: CompareGroup): void;
  } | null;
}

interface Props {
  comparison: ColumnComparison;
  partners: ReadonlyMap<string, Partner>;
  tags: Readonly<Record<string, GroupTagEntry>>;
  /** Partner card id → joint card ids (takenFrom). */
  taken: ReadonlyMap<string, string[]>;
  joint: { cards: readonly CardSnapshot[]; byId: ReadonlyMap<string, CardSnapshot> };
  /** null: read-only (the projector). */
  actions: CompareActions | null;
  /** Level of the section headings inside (the column's own heading is the caller's, one level up). */
  headingLevel: 3 | 4;
  /** The projector: every list shows what fits in its box and counts the rest (FittedList). */
  fitted?: boolean;
}

/** "Gemeente en Zorg", "Gemeente, Zorg en Bewoners". */
export function listNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/**
 * One column compared: every partner map's cards side by side in partner colours (each map whole,
 * the smallest too), then the groups of similar cards, then what one partner said alone, then what
 * stands on the joint map in this column with where each card came from.
 */
export function CompareBody({
  comparison,
  partners,
  tags,
  taken,
  joint,
  actions,
  headingLevel,
  fitted = false,
}: Props) {
  const { t } = useTranslation();
  const id = useId();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const H2 = headingLevel === 3 ? 'h4' : 'h5';
  const multi = comparison.groups.filter((g) => !g.single);
  const singles = comparison.groups.filter((g) => g.single);
  const nameOf = (pid: string) => partners.get(pid)?.name ?? pid;
  const jointText = (jointId: string) => joint.byId.get(jointId)?.plainText || t('compare.emptyCard');
  // Groups of several partners and single cards are listed alike, in their own sections.
  const groupItem = (g: (typeof comparison.groups)[number]) => (
    <GroupItem
      key={g.key}
      group={g}
      entry={tags[g.key] ?? null}
      taken={taken}
      jointText={jointText}
      nameOf={nameOf}
      actions={actions}
      groups={comparison.groups}
      fitted={fitted}
    />
  );

  return (
    <div className="compare-body" data-fitted={fitted || undefined} data-count={comparison.perPartner.length}>
      <section aria-labelledby={`${id}-maps`} className="compare-section">
        <H id={`${id}-maps`} className="compare-section-title">
          {t('compare.partnerMaps')}
        </H>
        <div className="compare-partners" style={{ '--compare-count': comparison.perPartner.length } as CSSProperties}>
          {comparison.perPartner.map(({ partner, cards }) => (
            <section
              key={partner.id}
              className="compare-partner"
              data-testid={`compare.partner.${partner.id}`}
              aria-labelledby={`${id}-p-${partner.id}`}
              style={{ '--partner': partner.color } as CSSProperties}
            >
              <H2 id={`${id}-p-${partner.id}`} className="compare-partner-title">
                <span className="compare-partner-name">{partner.name}</span>{' '}
                <span className="compare-partner-count">{t('compare.cardCount', { count: cards.length })}</span>
              </H2>
              {cards.length === 0 ? (
                <p className="compare-empty">{t('compare.noCards')}</p>
              ) : (
                <FittedList fitted={fitted} className="compare-cards">
                  {cards.map((c) => {
                    const group = comparison.groupOf.get(c.card.id);
                    const others =
                      group && !group.single ? group.partners.filter((p) => p !== c.partnerId).map(nameOf) : [];
                    return (
                      <li
                        key={c.card.id}
                        className="compare-card"
                        data-testid="compare.card"
                        data-card-id={c.card.id}
                        data-partner={c.partnerId}
                      >
                        <p className="compare-card-text" data-testid="compare.card.text">
                          {c.card.plainText ? <Hyphenated text={c.card.plainText} /> : t('compare.emptyCard')}
                        </p>
                        <p className="compare-card-meta">
                          {c.card.authorName && <span>{t('compare.by', { name: c.card.authorName })}</span>}
                          {others.length > 0 ? (
                            <span className="compare-alike">
                              {t('compare.alike', { partners: listNames(others, t('compare.and')) })}
                            </span>
                          ) : (
                            <span className="only-badge" data-testid="compare.card.only">
                              {t('compare.only', { partner: partner.name })}
                            </span>
                          )}
                          {taken.has(c.card.id) && (
                            <span className="taken-badge" data-testid="compare.card.taken">
                              {t('compare.takenShort')}
                            </span>
                          )}
                        </p>
                      </li>
                    );
                  })}
                </FittedList>
              )}
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby={`${id}-groups`} className="compare-section" data-testid="compare.groups">
        <H id={`${id}-groups`} className="compare-section-title">
          {t('compare.groupsHeading')}
        </H>
        {multi.length === 0 ? (
          <p className="compare-empty">{t('compare.groupsNone')}</p>
        ) : (
          <FittedList fitted={fitted} ordered className="compare-groups">
            {multi.map(groupItem)}
          </FittedList>
        )}
      </section>

      <section aria-labelledby={`${id}-singles`} className="compare-section" data-testid="compare.singles">
        <H id={`${id}-singles`} className="compare-section-title">
          {t('compare.singlesHeading')}
        </H>
        {singles.length === 0 ? (
          <p className="compare-empty">{t('compare.singlesNone')}</p>
        ) : (
          <ol className="compare-groups">{singles.map(groupItem)}</ol>
        )}
      </section>

      <section aria-labelledby={`${id}-joint`} className="compare-section compare-joint" data-testid="compare.joint">
        <H id={`${id}-joint`} className="compare-section-title">
          {t('compare.jointHeading')}
        </H>
        {joint.cards.length === 0 ? (
          <p className="compare-empty">{t('compare.jointNone')}</p>
        ) : (
          <FittedList fitted={fitted} className="compare-cards compare-joint-cards">
            {joint.cards.map((card) => (
              <li
                key={card.id}
                className="compare-card compare-joint-card"
                data-testid="compare.joint.card"
                data-card-id={card.id}
                data-status={card.status}
              >
                <p className="compare-card-text" data-testid="compare.joint.text">
                  {card.plainText ? <Hyphenated text={card.plainText} /> : t('compare.emptyCard')}
                </p>
                <p className="compare-card-meta">
                  {card.status === 'parked' && <span className="open-point">{t('compare.openPoint')}</span>}
                  {card.tag && isTag(card.tag) && (
                    <span className="tag-chip" data-tag={card.tag}>
                      {t(`compare.tag.${card.tag}`)}
                    </span>
                  )}
                  {card.origins.length === 0 && <span className="compare-alike">{t('compare.jointOwn')}</span>}
                </p>
                <OriginBadges origins={card.origins} partners={partners} />
              </li>
            ))}
          </FittedList>
        )}
      </section>
    </div>
  );
}

/** On the projector a group shows this many of its cards (the partner columns show them all). */
const FITTED_GROUP_CARDS = 3;

const isTag = (tag: string): tag is GroupTag => tag === 'shared' || tag === 'complementary' || tag === 'tension';

function GroupItem({
  group,
  entry,
  taken,
  jointText,
  nameOf,
  actions,
  groups,
  fitted,
}: {
  group: CompareGroup;
  entry: GroupTagEntry | null;
  taken: ReadonlyMap<string, string[]>;
  jointText: (id: string) => string;
  nameOf: (partnerId: string) => string;
  actions: CompareActions | null;
  /** Every group of the column (to join with). */
  groups: readonly CompareGroup[];
  /** The projector: a few cards of the group and how many more, so every group gets a line. */
  fitted: boolean;
}) {
  const { t } = useTranslation();
  const status = useRef<HTMLParagraphElement>(null);
  const jointIds = [...new Set(group.cards.flatMap((c) => taken.get(c.card.id) ?? []))];
  const allTaken = group.cards.every((c) => taken.has(c.card.id));
  const focusStatus = actions?.justTaken === group.key;
  useEffect(() => {
    if (focusStatus) status.current?.focus();
  }, [focusStatus]);
  const names = group.partners.map(nameOf);
  const regroup = actions?.regroup ?? null;
  return (
    <li
      className="compare-group"
      data-testid="compare.group"
      data-group-key={group.key}
      data-single={group.single ? 'true' : 'false'}
    >
      <p className="compare-group-title">
        {group.single ? (
          <span className="only-badge" data-testid="compare.only">
            {t('compare.only', { partner: names[0] })}
          </span>
        ) : (
          <span>{t('compare.groupTitle', { partners: listNames(names, t('compare.and')) })}</span>
        )}
      </p>
      <ul className="compare-group-cards">
        {(fitted ? group.cards.slice(0, FITTED_GROUP_CARDS) : group.cards).map((c) => (
          <li key={c.card.id} data-card-id={c.card.id}>
            <PartnerBadge name={c.partner?.name ?? c.partnerId} color={c.partner?.color ?? NEUTRAL_COLOR} />{' '}
            <span className="compare-group-text">
              {c.card.plainText ? <Hyphenated text={c.card.plainText} /> : t('compare.emptyCard')}
            </span>
            {regroup && group.cards.length > 1 && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button-small button-quiet compare-split"
                  data-testid="compare.split"
                  // The visible words first (2.5.3), then which card, for a screen reader among many.
                  aria-label={`${t('compare.split.button')}: ${t('compare.split.which', { text: shorten(c.card.plainText || t('compare.emptyCard')) })}`}
                  onClick={() => regroup.split(c, group)}
                >
                  {t('compare.split.button')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {fitted && group.cards.length > FITTED_GROUP_CARDS && (
        <p className="compare-clipped">{t('compare.notShown', { count: group.cards.length - FITTED_GROUP_CARDS })}</p>
      )}
      {regroup && groups.length > 1 && (
        <JoinControl group={group} groups={groups} nameOf={nameOf} onJoin={regroup.join} />
      )}
      <TagControl groupKey={group.key} entry={entry} actions={actions} />
      {jointIds.length > 0 && (
        <p className="compare-taken" data-testid="compare.taken" ref={status} tabIndex={-1}>
          {t('compare.taken', { text: jointIds.map((j) => `“${jointText(j)}”`).join(', ') })}
        </p>
      )}
      {actions && !allTaken && (
        <TakeForm
          cards={group.cards}
          defaultTag={tagForTake(entry)}
          blocked={actions.takeBlocked}
          onTake={(text, tag) => actions.take(group.cards, text, tag)}
        />
      )}
    </li>
  );
}

/** The first words of a card, for labels and choices. */
function shorten(text: string, words = 8): string {
  const all = text.trim().split(/\s+/);
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : text.trim();
}

/**
 * "Samenvoegen met…": the facilitator puts this group together with another group or single card of
 * the column that the similarity left apart ([C4]). A native select and a button: keyboard and one
 * pointer, no dragging.
 */
function JoinControl({
  group,
  groups,
  nameOf,
  onJoin,
}: {
  group: CompareGroup;
  groups: readonly CompareGroup[];
  nameOf: (partnerId: string) => string;
  onJoin: (group: CompareGroup, other: CompareGroup) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const others = groups.filter((g) => g.key !== group.key);
  const [choice, setChoice] = useState('');
  const target = others.find((g) => g.key === choice) ?? null;
  return (
    <div className="compare-join">
      <label htmlFor={`${id}-join`}>{t('compare.join.label')}</label>
      <select
        id={`${id}-join`}
        data-testid="compare.join.select"
        value={target ? choice : ''}
        onChange={(e) => setChoice(e.target.value)}
      >
        <option value="">{t('compare.join.choose')}</option>
        {others.map((g) => (
          <option key={g.key} value={g.key}>
            {g.partners.map(nameOf).join(', ')}: {shorten(g.cards[0]?.card.plainText || t('compare.emptyCard'), 6)}
            {g.cards.length > 1 ? ` (+${g.cards.length - 1})` : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        data-testid="compare.join.button"
        disabled={!target}
        onClick={() => {
          if (!target) return;
          onJoin(group, target);
          setChoice('');
        }}
      >
        {t('compare.join.button')}
      </button>
    </div>
  );
}

/** The five steps as buttons; the step of the session is marked "nu". */
export function ColumnPicker({
  column,
  active,
  following,
  onPick,
}: {
  column: ColumnId;
  active: readonly ColumnId[];
  following: boolean;
  onPick: (column: ColumnId) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  return (
    <div className="compare-picker">
      <p id={`${id}-label`} className="compare-picker-label">
        {t('compare.columnPicker')}
      </p>
      <div className="button-row" role="group" aria-labelledby={`${id}-label`}>
        {COLUMNS.map((c) => (
          <button
            key={c.id}
            type="button"
            className="button button-small"
            data-testid={`compare.column.${c.id}`}
            aria-pressed={c.id === column}
            onClick={() => onPick(c.id)}
          >
            {c.step} · {c.label[lang]}
            {active.includes(c.id) && <span className="compare-now"> ({t('compare.now')})</span>}
          </button>
        ))}
      </div>
      {following && <p className="hint">{t('compare.followsStep')}</p>}
    </div>
  );
}

/** "Stap 1 · Waarden" with the column's question. */
export function ColumnTitle({ column, level, id }: { column: ColumnId; level: 1 | 2 | 3; id?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = getColumn(column);
  const H = level === 1 ? 'h1' : level === 2 ? 'h2' : 'h3';
  return (
    <div className="compare-column-title">
      <H id={id} data-testid="compare.columnTitle" data-column={column}>
        <span className="compare-step">{t('map.step', { n: c.step })}</span> {c.label[lang]}
      </H>
      <p className="compare-question">{c.question[lang]}</p>
    </div>
  );
}
