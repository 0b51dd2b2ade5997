import { useMapUi } from './uiStore.js';

/** Polite live region for moves; keyed by sequence so the same sentence twice is read twice. */
export function Announcer() {
  const announcement = useMapUi((s) => s.announcement);
  return (
    <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="map.announcer">
      {announcement && <span key={announcement.seq}>{announcement.text}</span>}
    </div>
  );
}
