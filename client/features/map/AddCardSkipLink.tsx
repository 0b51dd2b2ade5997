import { useTranslation } from 'react-i18next';
import { getColumn } from '../../../shared/columns.js';
import { useLang } from '../../i18n/index.js';
import { useAddTarget } from './addCardShortcut.js';
import { useMapUiApi } from './uiStore.js';

/**
 * A skip link to "Kaart toevoegen" in the current step: Tab, Enter, Enter from a fresh page to a new
 * card's editor, however many cards stand before it (Alt+N does it in one; addCardShortcut.ts).
 */
export function AddCardSkipLink() {
  const { t } = useTranslation();
  const lang = useLang();
  const target = useAddTarget();
  const ui = useMapUiApi();
  if (!target) return null;
  return (
    <a
      className="skip-link"
      href={`#column-${target}`}
      data-testid="map.skipToAdd"
      onClick={(event) => {
        event.preventDefault();
        ui.getState().requestFocus(`add:${target}`);
      }}
    >
      {t('map.skipToAdd', { column: getColumn(target).label[lang] })}
    </a>
  );
}
