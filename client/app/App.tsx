import { lazy, Suspense } from 'react';
import { FacilitatorEntry } from '../features/facilitator/FacilitatorEntry.js';
import { JoinCodePage } from '../features/join/JoinCodePage.js';
import { JoinPage } from '../features/join/JoinPage.js';
import { StartPage } from '../features/start/StartPage.js';
import { Loading } from './Loading.js';
import { NotFound } from './NotFound.js';
import { parseRoute, usePathname } from './router.js';

// The map, console and projector bring Yjs, the provider and the editor; start and join load without them.
const MapPage = lazy(() => import('../features/map/MapPage.js').then((m) => ({ default: m.MapPage })));
const ConsolePage = lazy(() => import('../features/facilitator/ConsolePage.js').then((m) => ({ default: m.ConsolePage })));
const ProjectorPage = lazy(() => import('../features/projector/ProjectorPage.js').then((m) => ({ default: m.ProjectorPage })));

export function App() {
  const route = parseRoute(usePathname());
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'joinCode':
      return <JoinCodePage key={route.code} initialCode={route.code} />;
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
    case 'console':
      return (
        <Suspense fallback={<Loading />}>
          <ConsolePage key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
      );
    case 'projector':
      return (
        <Suspense fallback={<Loading />}>
          <ProjectorPage key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
      );
    case 'badWorkshop':
      return <NotFound what="workshop" />;
    case 'unknown':
      return <NotFound what="page" />;
  }
}
