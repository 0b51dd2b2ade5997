import { FacilitatorEntry } from '../features/facilitator/FacilitatorEntry.js';
import { JoinPage } from '../features/join/JoinPage.js';
import { MapPage } from '../features/map/MapPage.js';
import { StartPage } from '../features/start/StartPage.js';
import { NotFound } from './NotFound.js';
import { parseRoute, usePathname } from './router.js';

export function App() {
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'join':
      return <JoinPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'map':
      return <MapPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'facilitator':
      return <FacilitatorEntry key={route.workshopId} workshopId={route.workshopId} />;
    case 'badWorkshop':
      return <NotFound what="workshop" />;
    case 'unknown':
      return <NotFound what="page" />;
  }
}
