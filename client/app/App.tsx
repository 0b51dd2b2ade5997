import { lazy, Suspense } from 'react';
import { JoinCodePage, JoinPage } from '../features/join/index.js';
import { StartPage } from '../features/start/index.js';
import { Loading } from '../ui/Loading.js';
import { NotFound } from '../ui/NotFound.js';
import { parseRoute, usePathname } from '../lib/router.js';

// The map, console and projector bring Yjs, the provider and the editor; start and join load without
// them. The facilitator's entry page comes with the console (one chunk: its public entry).
const MapPage = lazy(() => import('../features/map/index.js').then((m) => ({ default: m.MapPage })));
const FacilitatorEntry = lazy(() =>
  import('../features/facilitator/index.js').then((m) => ({ default: m.FacilitatorEntry })),
);
const ConsolePage = lazy(() => import('../features/facilitator/index.js').then((m) => ({ default: m.ConsolePage })));
const ProjectorPage = lazy(() => import('../features/projector/index.js').then((m) => ({ default: m.ProjectorPage })));

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
      return (
        <Suspense fallback={<Loading />}>
          <FacilitatorEntry key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
      );
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
