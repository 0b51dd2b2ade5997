import { CardTextLimit } from './CardTextLimit.js';
import { PersonWithoutDevice } from './PersonWithoutDevice.js';
import { RemovalProposals } from './RemovalProposals.js';

/** Who a card is by and who decides about it ([H3]–[H5]): proposals, removed cards, people, the limit. */
export function AuthorshipPanel({ visible }: { visible: boolean }) {
  return (
    <div className="console-section-stack">
      <RemovalProposals visible={visible} />
      <PersonWithoutDevice />
      <CardTextLimit />
    </div>
  );
}
