import { useMemo } from 'react';
import {
  addArgument,
  removeArgument,
  setPartnerAgreement,
  setStepFields,
  setSupport,
  type ArgumentSide,
  type StepFields,
} from '../../../../shared/cardDetails.js';
import type { CardStatus } from '../../../../shared/cardSchema.js';
import type { CardId } from '../../../../shared/ids.js';
import { updateCard } from '../../../../shared/ops.js';
import type { MapEnv } from '../../../workshop/mapEnv.js';
import { useMe } from '../../../workshop/hooks.js';
import { personOf } from '../session/useSession.js';
import { DIALOGUE } from './origin.js';

/** The dialogue on one card (rules 3–5), written to the document that holds the card. */
export function useDialogue(id: CardId, env: MapEnv) {
  const me = useMe();
  return useMemo(() => {
    const { doc } = env;
    const person = personOf(me);
    return {
      setSupport: (on: boolean) => setSupport(doc, id, person, on, DIALOGUE),
      addArgument: (side: ArgumentSide, text: string) => addArgument(doc, id, side, text, person, DIALOGUE),
      removeArgument: (argumentId: string) => removeArgument(doc, id, argumentId, DIALOGUE),
      /** False when refused (a step card without who, what and when cannot be agreed). */
      setStatus: (status: CardStatus) => updateCard(doc, id, { status }, DIALOGUE),
      setPartnerAgreement: (on: boolean) => setPartnerAgreement(doc, id, me.partner, on ? person : null, DIALOGUE),
      setStepFields: (fields: StepFields) => setStepFields(doc, id, fields, DIALOGUE),
    };
  }, [id, env, me]);
}

export type Dialogue = ReturnType<typeof useDialogue>;
