import { useTranslation } from 'react-i18next';
import { usePresence } from './currentMap.js';

export function PresenceList() {
  const { t } = useTranslation();
  const people = usePresence();
  return (
    <section className="presence" data-testid="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="sr-only">
        {t('presence.heading')}
      </h2>
      <p className="presence-count">{t('presence.count', { count: people.length })}</p>
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
    </section>
  );
}

/** "Anna · Gemeente"; the facilitator's group is left out when it only repeats the name. */
function PersonGroup({ name, group }: { name: string; group: string }) {
  if (!group || group.toLowerCase() === name.toLowerCase()) return null;
  return <span className="presence-partner">{group}</span>;
}
