import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from '../../../shared/columns.js';
import { getPrompt, getRule } from '../../../shared/dialogue.js';
import { LOCAL_USER } from '../../../shared/origins.js';
import { JOINT_MAP } from '../../../shared/protocol.js';
import { setFocus, type ProjectorFocus } from '../../../shared/session.js';
import { useMapSnapshot } from '../../workshop/hooks.js';
import { useSession } from '../../workshop/hooks.js';
import { useLang } from '../../i18n/index.js';
import { useConsoleEnv } from './consoleEnv.js';
import { NewProjectorLink } from './NewProjectorLink.js';

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** What the projector shows large: the whole map, one column or one card. */
export function FocusPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { sessionDoc, projectorLink } = useConsoleEnv();
  const session = useSession();
  const snapshot = useMapSnapshot(JOINT_MAP);
  const id = useId();
  const focus = session.focus;
  const [card, setCard] = useState('');
  const show = (f: ProjectorFocus) => setFocus(sessionDoc, f, LOCAL_USER);
  const focusedCard =
    focus.kind === 'card'
      ? Object.values(snapshot.columns)
          .flat()
          .find((c) => c.id === focus.cardId)
      : undefined;

  const describe = () => {
    if (focus.kind === 'map') return t('console.focus.nowMap');
    if (focus.kind === 'column') {
      const c = COLUMNS.find((x) => x.id === focus.column)!;
      return t('console.focus.nowColumn', { column: `${c.step} · ${c.label[lang]}` });
    }
    return focusedCard
      ? t('console.focus.nowCard', { text: short(focusedCard.plainText || t('card.emptyText')) })
      : t('console.focus.cardGone');
  };
  const rule = session.rule ? getRule(session.rule) : undefined;
  const prompt = session.prompt ? getPrompt(session.prompt) : undefined;

  return (
    <div className="console-section-stack">
      <section aria-labelledby={`${id}-h`} className="console-section" data-testid="console.focus">
        <h3 id={`${id}-h`}>{t('console.focus.heading')}</h3>
        <p className="hint">{t('console.focus.intro')}</p>
        <p className="console-now" role="status" data-testid="console.focus.now">
          {describe()}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            data-testid="console.focus.map"
            aria-pressed={focus.kind === 'map'}
            onClick={() => show({ kind: 'map' })}
          >
            {t('console.focus.map')}
          </button>
        </div>
        <fieldset className="focus-columns">
          <legend>{t('console.focus.column')}</legend>
          <div className="button-row">
            {COLUMNS.map((c) => (
              <button
                key={c.id}
                type="button"
                className="button"
                data-testid={`console.focus.column.${c.id}`}
                aria-pressed={focus.kind === 'column' && focus.column === c.id}
                onClick={() => show({ kind: 'column', column: c.id })}
              >
                {c.step} · {c.label[lang]}
              </button>
            ))}
          </div>
        </fieldset>
        <form
          className="focus-card"
          onSubmit={(e) => {
            e.preventDefault();
            if (card) show({ kind: 'card', cardId: card });
          }}
        >
          <label htmlFor={`${id}-card`}>{t('console.focus.card')}</label>
          <select
            id={`${id}-card`}
            data-testid="console.focus.card"
            value={card}
            onChange={(e) => setCard(e.target.value)}
          >
            <option value="">{snapshot.cardCount ? t('console.focus.chooseCard') : t('console.focus.noCards')}</option>
            {COLUMNS.filter((c) => snapshot.columns[c.id].length).map((c) => (
              <optgroup key={c.id} label={`${c.step} · ${c.label[lang]}`}>
                {snapshot.columns[c.id].map((x) => (
                  <option key={x.id} value={x.id}>
                    {short(x.plainText || t('card.emptyText'))}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <button type="submit" className="button" data-testid="console.focus.cardShow" disabled={!card}>
            {t('console.focus.showCard')}
          </button>
        </form>
      </section>
      <section aria-labelledby={`${id}-screen`} className="console-section">
        <h3 id={`${id}-screen`}>{t('console.focus.screenHeading')}</h3>
        <ul className="plain-list">
          <li>{t('console.focus.ruleShown', { text: rule ? rule.text[lang] : t('console.focus.nothing') })}</li>
          <li>{t('console.focus.promptShown', { text: prompt ? prompt.text[lang] : t('console.focus.nothing') })}</li>
        </ul>
        {projectorLink ? (
          <a
            className="button"
            href={projectorLink}
            target="_blank"
            rel="noopener"
            data-testid="console.projector.open"
          >
            {t('console.focus.openProjector')}
          </a>
        ) : (
          <NewProjectorLink testId="console.focus.projectorUnknown" />
        )}
        <p className="hint">{t('console.focus.projectorHint')}</p>
      </section>
    </div>
  );
}
