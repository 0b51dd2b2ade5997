import type { ReactNode } from 'react';
import { JOINT_MAP } from '../../../shared/docName.js';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/Loading.js';
import { useMap, useMe, usePartners, useSession, useSessionReady, useWorkshop } from '../../workshop/hooks.js';
import { MapView } from './MapView.js';
import { MixedSession, workingMapFor } from '../compare/index.js';

/**
 * The map page of a partners-first workshop. What a person works in, by stage: in the homogeneous
 * stage a participant's own partner map (the server refuses every other map), with "Kaart van
 * <partner> — ingevuld door <partner>" as its title; in the mixed (heterogeneous) stage the joint map
 * with the comparison of the partner maps beside it. The map opens only once the session document
 * is known, so nobody opens a map they may not read.
 */
export function PartnersFirstView({ onRejoin }: { onRejoin: () => void }) {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  const { info } = workshop;
  const me = useMe();
  const partners = usePartners();
  const session = useSession();
  const ready = useSessionReady();
  const ownPartner = me.access === 'participant' ? me.partner : '';
  const docName = ready ? workingMapFor(info.flow, session.stage, ownPartner) : null;
  // Held here too, so the page shows Loading (not an empty map) while a new stage's map opens.
  const env = useMap(docName);
  if (!env || !docName) return <Loading />;
  const partnerName = partners.get(ownPartner)?.name ?? ownPartner;
  const mixed = info.flow === 'partners-first' && session.stage === 'heterogeneous';
  let content: ReactNode;
  if (docName !== JOINT_MAP) {
    content = (
      <MapView
        key={docName}
        map={docName}
        workshopId={workshop.id}
        title={t('compare.partnerMapTitle', { partner: partnerName })}
        onRejoin={onRejoin}
      />
    );
  } else if (mixed) {
    content = (
      <MixedSession>
        <MapView
          key={docName}
          map={docName}
          workshopId={workshop.id}
          title={t('compare.jointMapTitle', { title: info.title })}
          onRejoin={onRejoin}
        />
      </MixedSession>
    );
  } else {
    content = <MapView key={docName} map={docName} workshopId={workshop.id} title={info.title} onRejoin={onRejoin} />;
  }
  return (
    <div className="partners-first" data-testid="compare.page" data-stage={session.stage} data-doc={docName}>
      {content}
    </div>
  );
}
