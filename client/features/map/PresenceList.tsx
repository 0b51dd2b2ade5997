import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../ui/Disclosure.js';
import { usePresence } from './currentMap.js';

/**
 * Who is here: a count that opens the list. With 20 people a full list would fill a phone's first
 * screen (U9).
 */
export function PresenceList() {
  const { t } = useTranslation();
  const people = usePresence();
  return (
    <section className="presence" data-testid="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="sr-only">
        {t('presence.heading')}
      </h2>
      <Disclosure
        id="presence-list"
        testId="presence"
        className="presence-disclosure"
        summary={
          <>
            <span className="presence-icon" aria-hidden="true" />
            <span className="presence-count" data-testid="presence.count">
              {t('presence.count', { count: people.length })}
            </span>
          </>
        }
      >
        <ul>
          {people.map((p) => (
            <li key={p.clientId} data-testid="presence.person" data-self={p.isSelf || undefined}>
              <span className="presence-dot" aria-hidden="true" style={{ backgroundColor: p.color }} />
              <span className="presence-name">
                {p.name}
                {p.isSelf && ` (${t('map.you')})`}
              </span>
              <PersonGroup
                name={p.name}
                group={p.partnerName || (p.role === 'facilitator' ? t('roles.facilitator') : '')}
              />
            </li>
          ))}
        </ul>
      </Disclosure>
    </section>
  );
}

/** "Anna · Gemeente"; the facilitator's group is left out when it only repeats the name. */
function PersonGroup({ name, group }: { name: string; group: string }) {
  if (!group || group.toLowerCase() === name.toLowerCase()) return null;
  return <span className="presence-partner">{group}</span>;
}
