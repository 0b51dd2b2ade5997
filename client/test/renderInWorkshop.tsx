import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { WorkshopContext } from '../workshop/hooks.js';
import { localWorkshop } from './localWorkshop.js';

/**
 * Renders `ui` inside a workshop object over in-memory documents (see localWorkshop). `working()`
 * lists the documents open with my presence now (maps I work in), `open` everything open.
 */
export function renderInWorkshop(ui: ReactNode, options: Parameters<typeof localWorkshop>[0] = {}) {
  const local = localWorkshop(options);
  const utils = render(<WorkshopContext.Provider value={local.workshop}>{ui}</WorkshopContext.Provider>);
  const { workshop } = local;
  return {
    ...utils,
    ...local,
    me: workshop.me,
    /** The map env of an open map-shaped document. */
    mapEnv: (name: Parameters<typeof workshop.get>[0]) => workshop.get(name)?.map ?? null,
    working: () => workshop.openNames().filter((n) => workshop.get(n)?.map?.awarenessHost.awareness.getLocalState()),
    cleanup: () => {
      utils.unmount();
      workshop.destroy();
    },
  };
}
