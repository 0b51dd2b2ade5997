import { agreementRule, type AgreementContext } from './agreementRule.js';
import type { ChangeRule } from './changeRule.js';
import { followUpRule } from './followUpRule.js';
import { groupTagRule } from './groupTagRule.js';
import { linkRule } from './linkRule.js';
import { signoffRule } from './signoffRule.js';

/** The rules of this folder that every change to a map document passes, in order. */
export function mapRules(agreement: AgreementContext): readonly ChangeRule[] {
  return [agreementRule(agreement), groupTagRule, linkRule, signoffRule(agreement.map), followUpRule];
}
