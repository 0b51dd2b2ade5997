import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnId } from '../../../shared/columns.js';
import {
  clearTag,
  confirmTag,
  proposeTag,
  readGroupTags,
  type GroupTagEntry,
} from '../../../shared/compare/groupTags.js';
import { takeIntoJoint, takenFrom, type GroupTag } from '../../../shared/compare/merge.js';
import { joinCards, NO_DECISIONS, readPairDecisions, splitCard } from '../../../shared/compare/pairDecisions.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import type { Partner } from '../../../shared/partners.js';
import type { MapSnapshot } from '../../../shared/readModel.js';
import { canWriteColumn, setFocus, type SessionState } from '../../../shared/session.js';
import { JOINT_MAP, type DocName } from '../../../shared/protocol.js';
import {
  useDoc,
  useDocValue,
  useMapSnapshots,
  useMe,
  usePartners,
  useSession,
  useSessionDoc,
  useSnapshotOf,
} from '../../workshop/hooks.js';
import { ColumnPicker, ColumnTitle, CompareBody, type CompareActions } from './CompareBody.js';
import { compareColumn, followedColumn, originsOf, partnerMap, type PartnerCard } from './model.js';
import './compare.css';

const NO_TAGS: Readonly<Record<string, GroupTagEntry>> = Object.freeze({});

/**
 * The column shown: the step the facilitator compares (`followedColumn`: the column on the projector
 * in the mixed session, else the step of the session), unless someone picked another one; when the
 * facilitator moves on, the view follows again. The facilitator's own pick is written into the session
 * document (as the projector's focus) in the mixed session, so the projector and everyone who follows
 * compare that step ([C6]).
 */
export function useFollowedColumn(
  session: SessionState,
  facilitatorPick: ((c: ColumnId) => void) | null,
): {
  column: ColumnId;
  following: boolean;
  pick: (c: ColumnId) => void;
} {
  const followed = followedColumn(session);
  const key = followed ?? '';
  const [picked, setPicked] = useState<{ column: ColumnId; at: string } | null>(null);
  const pick = useCallback(
    (column: ColumnId) => (facilitatorPick ? facilitatorPick(column) : setPicked({ column, at: key })),
    [key, facilitatorPick],
  );
  if (!facilitatorPick && picked && (picked.at === key || !followed))
    return { column: picked.column, following: false, pick };
  return { column: followed ?? picked?.column ?? 'values', following: !!followed && !facilitatorPick, pick };
}

/** Live snapshots of every partner map, by partner id (read-only: one connection per map for the whole page). */
export function usePartnerSnapshots(partners: readonly Partner[]): ReadonlyMap<string, MapSnapshot> {
  const names = useMemo(() => partners.map((p) => partnerMap(p.id)), [partners]);
  const byDoc = useMapSnapshots(names);
  return useMemo(
    () => new Map(partners.map((p) => [p.id as string, byDoc.get(partnerMap(p.id))!] as const).filter(([, s]) => !!s)),
    [byDoc, partners],
  );
}

/** Tags, taken cards and this column's joint cards, read live from the joint map (held while mounted). */
export function useJointFacts(column: ColumnId) {
  const jointMap: DocName = JOINT_MAP;
  const jointEnv = useDoc(jointMap)?.map ?? null;
  const jointDoc = jointEnv?.doc ?? null;
  const jointSnapshot = useSnapshotOf(jointEnv);
  const tags = useDocValue(jointMap, readGroupTags, NO_TAGS);
  // Read again whenever the joint map changes (the snapshot is new then).
  // biome-ignore lint/correctness/useExhaustiveDependencies: recompute the groups whenever the joint map changes, though only read through the model
  const taken = useMemo(
    () => (jointDoc ? takenFrom(jointDoc) : new Map<string, string[]>()),
    [jointDoc, jointSnapshot],
  );
  const joint = useMemo(() => {
    const byId = new Map(
      Object.values(jointSnapshot.columns)
        .flat()
        .map((c) => [c.id as string, c] as const),
    );
    return { cards: jointSnapshot.columns[column], byId };
  }, [jointSnapshot, column]);
  return { tags, taken, joint, jointDoc };
}

/**
 * The comparison for everyone in the mixed session (participants and the facilitator): pick a step,
 * see the partner maps side by side with groups of similar cards, tag groups, and take a group or a
 * card onto the joint map. Reads the partner maps and writes the joint map of the page's workshop.
 */
export function CompareView() {
  const { t } = useTranslation();
  const id = useId();
  const me = useMe();
  const partnerMapById = usePartners();
  const partners = useMemo(() => [...partnerMapById.values()], [partnerMapById]);
  const session = useSession();
  const sessionDoc = useSessionDoc();
  const isFacilitator = me.access === 'facilitator';
  // The facilitator's pick moves the projector's comparison in the mixed session (focus is the session's).
  const mixed = session.stage === 'heterogeneous';
  const facilitatorPick = useMemo(
    () =>
      isFacilitator && mixed && sessionDoc
        ? (column: ColumnId) => setFocus(sessionDoc, { kind: 'column', column }, LOCAL_USER)
        : null,
    [isFacilitator, mixed, sessionDoc],
  );
  const { column, following, pick } = useFollowedColumn(session, facilitatorPick);
  const snapshots = usePartnerSnapshots(partners);
  const decisions = useDocValue('session', readPairDecisions, NO_DECISIONS);
  const { tags, taken, joint, jointDoc } = useJointFacts(column);
  const comparison = useMemo(
    () => compareColumn(column, partners, snapshots, decisions, tags),
    [column, partners, snapshots, decisions, tags],
  );
  const [message, setMessage] = useState('');
  const [justTaken, setJustTaken] = useState<string | null>(null);

  const principal = { access: me.access, participantId: me.participantId, partner: me.partner };
  const takeBlocked = !me.canEdit
    ? null
    : me.access === 'participant' && session.phase === 'private'
      ? t('compare.take.private')
      : !canWriteColumn(session, principal, column)
        ? t('compare.take.closed')
        : null;

  const actions: CompareActions | null =
    me.canEdit && jointDoc
      ? {
          isFacilitator,
          takeBlocked,
          justTaken,
          propose: (key, tag) => {
            const members = comparison.groups.find((g) => g.key === key)?.cards.map((c) => c.card.id);
            proposeTag(jointDoc, key, tag, me.name, LOCAL_USER, { confirmed: isFacilitator, members });
            setMessage(
              t(isFacilitator ? 'compare.tag.savedConfirmed' : 'compare.tag.saved', { tag: t(`compare.tag.${tag}`) }),
            );
          },
          confirm: (key) => {
            const entry = tags[key];
            if (confirmTag(jointDoc, key, LOCAL_USER) && entry)
              setMessage(t('compare.tag.savedConfirmed', { tag: t(`compare.tag.${entry.tag}`) }));
          },
          clear: (key) => {
            if (clearTag(jointDoc, key, LOCAL_USER)) setMessage(t('compare.tag.cleared'));
          },
          take: (cards: readonly PartnerCard[], text: string, tag: GroupTag | '') => {
            takeIntoJoint(
              jointDoc,
              {
                column,
                text,
                origins: originsOf(cards),
                author: me.participantId,
                authorName: me.name,
                tag: tag || undefined,
              },
              LOCAL_USER,
            );
            setJustTaken(comparison.groupOf.get(cards[0].card.id)?.key ?? null);
            setMessage(t('compare.take.done', { text }));
          },
          // Only the facilitator corrects the grouping: it is written into the session document, which
          // the server lets no one else write ([C4]).
          regroup:
            isFacilitator && sessionDoc
              ? {
                  split: (card, group) => {
                    splitCard(
                      sessionDoc,
                      card.card.id,
                      group.cards.map((c) => c.card.id),
                      LOCAL_USER,
                    );
                    setMessage(t('compare.split.done', { text: card.card.plainText || t('compare.emptyCard') }));
                  },
                  join: (group, other) => {
                    joinCards(sessionDoc, group.cards[0].card.id, other.cards[0].card.id, LOCAL_USER);
                    setMessage(t('compare.join.done'));
                  },
                }
              : null,
        }
      : null;
  const onScreen = isFacilitator && mixed && session.focus.kind === 'column' && session.focus.column === column;

  return (
    <section className="compare" aria-labelledby={`${id}-h`} data-testid="compare" data-column={column}>
      <h2 id={`${id}-h`} className="compare-heading">
        {t('compare.heading')}
      </h2>
      <p className="hint">{t('compare.intro')}</p>
      <ColumnPicker column={column} active={session.guided ? session.active : []} following={following} onPick={pick} />
      {isFacilitator && mixed && (
        <p className="compare-on-screen" data-testid="compare.onScreen" data-on-screen={onScreen}>
          {onScreen ? t('compare.onScreen.yes') : t('compare.onScreen.no')}{' '}
          {!onScreen && sessionDoc && (
            <button
              type="button"
              className="button button-small"
              data-testid="compare.onScreen.show"
              onClick={() => setFocus(sessionDoc, { kind: 'column', column }, LOCAL_USER)}
            >
              {t('compare.onScreen.show')}
            </button>
          )}
        </p>
      )}
      <ColumnTitle column={column} level={3} />
      <CompareBody
        comparison={comparison}
        partners={partnerMapById}
        tags={tags}
        taken={taken}
        joint={joint}
        actions={actions}
        headingLevel={4}
      />
      <p className="sr-only" role="status" aria-live="polite" data-testid="compare.status">
        {message}
      </p>
    </section>
  );
}
