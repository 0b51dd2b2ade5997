import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopInfo } from '../../../shared/api.js';
import { getColumn } from '../../../shared/columns.js';
import { getPrompt, getRule } from '../../../shared/dialogue.js';
import type { MapSnapshot } from '../../../shared/readModel.js';
import { shownTimer, timerRemaining, type SessionState } from '../../../shared/session.js';
import type { ParticipantEntry } from '../../../shared/workshopDoc.js';
import { QrCode } from '../../ui/QrCode.js';
import { formatDuration } from '../../lib/serverClock.js';
import { useLang } from '../../i18n/index.js';
import { stepsLabel } from '../../ui/sessionText.js';
import type { ConnectionSource } from '../../collab/connectionState.js';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.js';
import { FittedBoard, FittedCard } from './fit/FittedBoard.js';
import { ProjectorLinks } from './ProjectorLinks.js';
import { useFollowLanguage } from './useFollowLanguage.js';

interface Props {
  info: WorkshopInfo;
  session: SessionState;
  /** The joint map only: the projector never opens private drafts. */
  map: MapSnapshot;
  /** For the name of whoever has the turn in a round; nothing else about people is shown. */
  participants: readonly ParticipantEntry[];
  /** Server time now (ms). */
  now: number;
  participantUrl: string;
  joinUrl: string;
  /** The sync connection of the map, when there is one (not in component tests). */
  connection?: ConnectionSource | null;
  /** Shown in place of the map while the facilitator has it on the screen (a result, the review, the line: [Y9]). */
  instead?: ReactNode;
}

/**
 * The big screen: read-only, large type, calm. The step now and its question, the timer, the rule or
 * question in focus, how to join, and the live map (whole, one column, or one card, as the facilitator
 * chooses). Never private cards, never who did or did not contribute.
 */
export function ProjectorView({
  info,
  session,
  map,
  participants,
  now,
  participantUrl,
  joinUrl,
  connection,
  instead,
}: Props) {
  const { t } = useTranslation();
  useFollowLanguage(session.lang);
  const lang = useLang();
  // Stable between timer ticks, so the fitted board does not redraw every second.
  const partners = useMemo(() => new Map(info.partners.map((p) => [p.id as string, p])), [info.partners]);
  const timer = shownTimer(session, now);
  const remaining = timer ? timerRemaining(timer, now) : null;
  const rule = session.rule ? getRule(session.rule) : undefined;
  const prompt = session.prompt ? getPrompt(session.prompt) : undefined;
  const active = session.guided ? session.active : null;
  const focus = session.focus;
  const focusCard =
    focus.kind === 'card'
      ? Object.values(map.columns)
          .flat()
          .find((c) => c.id === focus.cardId)
      : undefined;
  const kind = focus.kind === 'card' && !focusCard ? 'map' : focus.kind;
  const focusKey =
    kind === 'column' && focus.kind === 'column'
      ? `column:${focus.column}`
      : kind === 'card' && focusCard
        ? `card:${focusCard.id}`
        : 'map';
  const turn = session.round
    ? participants.find((p) => p.id === session.round!.order[session.round!.index])
    : undefined;

  return (
    <main className="projector" data-testid="projector" data-focus={kind} id="main">
      <header className="projector-top">
        <div className="projector-title">
          <h1>{info.title}</h1>
          <div className="projector-subline">
            <p className="projector-step" data-testid="projector.step">
              {active ? stepsLabel(t, lang, active) : t('projector.allOpen')}
            </p>
            {connection && <ConnectionIndicator source={connection} className="projector-connection" />}
          </div>
        </div>
        {remaining !== null && (
          <div
            className="projector-timer"
            data-testid="projector.timer"
            data-done={remaining === 0 || undefined}
            data-running={timer?.endsAt !== null || undefined}
          >
            <span className="sr-only">{t('projector.timeLeft')} </span>
            <span className="projector-timer-value">{formatDuration(remaining)}</span>
            {remaining === 0 && <span className="projector-timer-done">{t('projector.timeUp')}</span>}
          </div>
        )}
        <div className="projector-join">
          <QrCode
            value={participantUrl}
            label={t('joinCode.qrLabel', { url: participantUrl })}
            testId="projector.qr"
            className="qr-projector"
          />
          <div>
            <p className="projector-join-text">{t('projector.joinAt', { url: joinUrl })}</p>
            <p className="projector-code" data-testid="projector.joinCode">
              {info.joinCode}
            </p>
          </div>
        </div>
      </header>

      {session.phase === 'private' && (
        <p className="projector-banner" data-testid="projector.private">
          {t('projector.privatePhase')}
        </p>
      )}
      {(rule || prompt || turn) && (
        <div className="projector-callouts">
          {rule && (
            <section className="projector-callout" data-testid="projector.rule" aria-labelledby="projector-rule-title">
              <h2 id="projector-rule-title" className="callout-label">
                {t('projector.rule', { n: rule.id })}
              </h2>
              <p className="callout-text">{rule.text[lang]}</p>
            </section>
          )}
          {prompt && (
            <section
              className="projector-callout projector-prompt"
              data-testid="projector.prompt"
              aria-labelledby="projector-prompt-title"
            >
              <h2 id="projector-prompt-title" className="callout-label">
                {t('projector.question')}
              </h2>
              <p className="callout-text">{prompt.text[lang]}</p>
            </section>
          )}
          {turn && (
            <section className="projector-callout" data-testid="projector.turn" aria-labelledby="projector-turn-title">
              <h2 id="projector-turn-title" className="callout-label">
                {t('projector.turn')}
              </h2>
              <p className="callout-text">
                {turn.name}
                {partners.get(turn.partner) && (
                  <span className="callout-sub"> · {partners.get(turn.partner)!.name}</span>
                )}
              </p>
            </section>
          )}
        </div>
      )}

      {instead}
      {/* Keyed by what is in focus: a new focus zooms in (projector.css), the fitted board moves smoothly. */}
      {!instead && (
        <div className="projector-focus" data-testid="projector.focus" data-kind={kind}>
          <div className="projector-zoom" key={focusKey}>
            {kind === 'map' && (
              <FittedBoard map={map} partners={partners} lang={lang} active={active} testIdPrefix="projector" />
            )}
            {kind === 'column' && focus.kind === 'column' && (
              <FittedBoard
                map={map}
                partners={partners}
                lang={lang}
                active={active}
                focusColumn={focus.column}
                testIdPrefix="projector"
              />
            )}
            {kind === 'card' && focusCard && (
              <section className="projector-card" aria-labelledby="projector-card-title">
                <h2 id="projector-card-title" className="snap-column-title">
                  <span className="snap-step">{t('map.step', { n: getColumn(focusCard.column).step })}</span>{' '}
                  {getColumn(focusCard.column).label[lang]}
                </h2>
                <FittedCard
                  card={focusCard}
                  partners={partners}
                  below={<ProjectorLinks card={focusCard} map={map} lang={lang} />}
                />
              </section>
            )}
          </div>
        </div>
      )}
    </main>
  );
}
