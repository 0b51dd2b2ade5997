import { useEffect, useState } from 'react';
import type { WorkshopInfo } from '../../shared/api.js';
import type { Connect } from '../collab/docConnection.js';
import { ServerClock } from '../collab/serverClock.js';
import { serverConnector } from '../collab/syncedDoc.js';
import type { Who } from './me.js';
import { Workshop, type Clock } from './Workshop.js';

/** What a page test puts in place of the server: documents in memory, a clock it moves by hand. */
export interface WorkshopOverrides {
  connect?: Connect;
  clock?: Clock;
}

/**
 * The page's workshop object, connected to this server with my token, for as long as the page is
 * mounted (made in an effect so StrictMode's double mount makes and destroys a real pair). Null
 * until made. The server clock is measured once.
 */
export function useLiveWorkshop(
  info: WorkshopInfo,
  who: Who & { token: string },
  overrides: WorkshopOverrides = {},
): Workshop | null {
  const [workshop, setWorkshop] = useState<Workshop | null>(null);
  const key = JSON.stringify([info, who]);
  const { connect, clock } = overrides;
  useEffect(() => {
    const [i, w] = JSON.parse(key) as [WorkshopInfo, Who & { token: string }];
    let theClock = clock;
    if (!theClock) {
      const serverClock = new ServerClock();
      void serverClock.sync();
      theClock = serverClock;
    }
    const made = new Workshop({ info: i, who: w, connect: connect ?? serverConnector(i.id, w.token), clock: theClock });
    setWorkshop(made);
    return () => {
      setWorkshop(null);
      made.destroy();
    };
  }, [key, connect, clock]);
  return workshop;
}
