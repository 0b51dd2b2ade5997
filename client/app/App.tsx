import { lazy, Suspense } from 'react';
import { FacilitatorEntry } from '../features/facilitator/FacilitatorEntry.js';
import { JoinPage } from '../features/join/JoinPage.js';
import { StartPage } from '../features/start/StartPage.js';
import { Loading } from './Loading.js';
import { NotFound } from './NotFound.js';
import { parseRoute, usePathname } from './router.js';

// The map brings Yjs, the provider and the editor; the start and join pages load without them.
const MapPage = lazy(() => import('../features/map/MapPage.js').then((m) => ({ default: m.MapPage })));

export function App() {
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'join':
      return <JoinPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'map':
      return (
        <Suspense fallback={<Loading />}>
          <MapPage key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
      );
    case 'facilitator':
      return <FacilitatorEntry key={route.workshopId} workshopId={route.workshopId} />;
    case 'badWorkshop':
      return <NotFound what="workshop" />;
    case 'unknown':
      return <NotFound what="page" />;
  }
}
