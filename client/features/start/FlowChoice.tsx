import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FLOWS, type Flow } from '../../../shared/permissions.js';
import './flowChoice.css';

const LABEL: Record<Flow, { label: string; hint: string }> = {
  joint: { label: 'flowChoice.joint', hint: 'flowChoice.jointHint' },
  'partners-first': { label: 'flowChoice.partnersFirst', hint: 'flowChoice.partnersFirstHint' },
};

/** How the workshop runs: one map together, or each partner first and then together (radio buttons). */
export function FlowChoice({ value, onChange }: { value: Flow; onChange: (flow: Flow) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="flow-choice" data-testid="start.flow">
      <legend>{t('flowChoice.legend')}</legend>
      {FLOWS.map((flow) => (
        <div className="flow-option" key={flow}>
          <input
            type="radio"
            id={`${id}-${flow}`}
            name={`${id}-flow`}
            value={flow}
            data-testid={`start.flow.${flow}`}
            checked={value === flow}
            aria-describedby={`${id}-${flow}-hint`}
            onChange={() => onChange(flow)}
          />
          <label htmlFor={`${id}-${flow}`}>{t(LABEL[flow].label)}</label>
          <p className="hint" id={`${id}-${flow}-hint`}>
            {t(LABEL[flow].hint)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
