// Partner Center's per-device advice in the operator's language. shared/domain/device-errors.ts keeps
// the English (the CLI and the report CSV say it) and names each entry's catalog key; the screens say
// advice:<key>.meaning and .action, falling back to the table's English for a key no catalog has.
import type { DeviceErrorExplanation } from '../../../shared/domain/device-errors';
import { i18n } from '.';

export interface Advice {
  meaning: string;
  action: string;
}

function said(key: string, english: string, params?: Record<string, string>): string {
  const options = { ns: 'advice', ...params };
  return i18n.exists(key, options) ? i18n.t(key, options) : english;
}

export function adviceText(explanation: DeviceErrorExplanation): Advice {
  return {
    meaning: said(`${explanation.key}.meaning`, explanation.meaning, explanation.params),
    action: said(`${explanation.key}.action`, explanation.action, explanation.params),
  };
}

/** The notes on a registered device (ALREADY_PARTNER_REGISTERED, CUSTOMER_ADDED). */
export function adviceNote(note: { key: string; text: string }): string {
  return said(note.key, note.text);
}
