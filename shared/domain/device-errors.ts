// What each Partner Center / Autopilot per-device error means for the person at the station, and
// what to do about it. Codes from partner-center-api.md §4; the service sends them as strings. Some codes
// mean something different for each identity a device was sent with (812 for a tuple is almost always a
// spelling or case mismatch with the firmware; for a PKID, an OEM that has not filed the box yet).
import type { IdentityKind } from './identity';

export type DeviceOutcome = 'registered' | 'retry-later' | 'needs-action';

export interface DeviceErrorExplanation {
  code: string;
  /**
   * Where the renderer's advice namespace says this entry (`advice:<key>.meaning`, `.action`), so the
   * screens can speak the operator's language while the CLI and reports keep these English words.
   */
  key: string;
  /** Placeholders of the catalog entry: only the unknown code's description. */
  params?: { description: string };
  name: string;
  outcome: DeviceOutcome;
  /** Plain language: what happened. */
  meaning: string;
  /** What a lead should do next. */
  action: string;
}

const table: Record<string, Omit<DeviceErrorExplanation, 'code' | 'key'>> = {
  '801': { name: 'InvalidZtdRequestBody', outcome: 'needs-action', meaning: 'Partner Center could not read this device in the request.', action: 'Check the PKID or serial for typing errors, then retry the device.' },
  '802': { name: 'InvalidZtdHardwareHash', outcome: 'needs-action', meaning: 'The hardware hash is not a full (4K) hardware hash: it is damaged, cut short or an old 128-byte hash.', action: 'Collect the hash again on the device with Get-WindowsAutopilotInfo (Windows 10 1703 or later), import the new file, and retry.' },
  '803': { name: 'MissingZtdSerialNumberAndProductKey', outcome: 'needs-action', meaning: 'The device had neither a PKID, nor a hardware hash, nor a complete tuple (serial + manufacturer + model).', action: 'Scan the PKID, or add the serial with the manufacturer and model exactly as the firmware reports them (the tuple), then retry.' },
  '806': { name: 'ZtdDeviceAlreadyAssigned', outcome: 'registered', meaning: 'The device is already registered to this customer: either by this partner (an earlier upload) or by the customer itself (Intune or Microsoft Store for Business), which the partner cannot manage.', action: 'Nothing to send again. If the station cannot find it among the partner\'s batches, the customer added it: the customer assigns its profile in Intune, or deletes it there so the partner can register and manage it.' },
  '807': { name: 'ZtdDeviceIsNotRegistered', outcome: 'needs-action', meaning: 'The device is not registered to this customer, so the profile could not be assigned.', action: 'Register the device first, then assign the profile again.' },
  '808': { name: 'ZtdDeviceAssignedToOtherTenant', outcome: 'needs-action', meaning: 'The device is registered to another organisation (another customer tenant, or a record someone added through Intune or Microsoft Store for Business there); this partner cannot manage or remove it.', action: 'Ask that organisation to delete it from Autopilot (Intune > Windows Autopilot devices, or Store for Business), or open a Microsoft support case with proof of ownership (invoice), then retry.' },
  '809': { name: 'ZtdProfileIsNotRegistered', outcome: 'needs-action', meaning: 'The Autopilot profile does not exist for this customer.', action: 'Refresh the profile list and choose an existing profile.' },
  '810': { name: 'ZtdProfileAssignedToOtherTenant', outcome: 'needs-action', meaning: 'The profile belongs to another organisation.', action: "Choose one of this customer's profiles." },
  '811': { name: 'ZtdDeviceRegisteredByOtherTenant', outcome: 'needs-action', meaning: 'Another organisation registered this device; only it can remove it.', action: 'Ask the other organisation to delete the device, then retry.' },
  '812': { name: 'ZtdDeviceNotFound', outcome: 'retry-later', meaning: 'Microsoft has no hardware record for this PKID or serial yet: the manufacturer may not have filed it.', action: 'Retry later (often a few days after shipping), check the PKID/serial spelling, or register with the hardware hash instead.' },
  '813': { name: 'ZtdDeviceIsNotUnique', outcome: 'needs-action', meaning: 'More than one hardware record matches this device.', action: 'Register this device with its hardware hash (collected on the device) instead.' },
  '814': { name: 'ZtdDeviceAlreadyAadRegistered', outcome: 'needs-action', meaning: 'The device is already joined to Microsoft Entra ID.', action: 'Remove the device from Entra ID (or ask the customer to), then retry.' },
  '640': { name: 'StorageError', outcome: 'retry-later', meaning: 'Partner Center had a temporary storage problem.', action: 'Retry the device later.' },
};

// Only where an identity changes the meaning or the action; everything else is the table above.
const byIdentity: Partial<Record<IdentityKind, Record<string, Omit<DeviceErrorExplanation, 'code' | 'key'>>>> = {
  tuple: {
    '812': {
      name: 'ZtdDeviceNotFound',
      outcome: 'needs-action',
      meaning: 'Microsoft found no device with this exact serial + manufacturer + model. The three are matched case-sensitively against what the firmware reports ("Dell Inc." is not "DELL INC."); or the manufacturer has not filed the device yet.',
      action: 'Check the spelling and case against the firmware (on the device: wmic csproduct get vendor,name, or Get-CimInstance Win32_ComputerSystemProduct), fix the line, and retry. If it matches exactly, the OEM may not have filed it yet: retry in a few days or register with the hardware hash.',
    },
  },
  hash: {
    '812': {
      name: 'ZtdDeviceNotFound',
      outcome: 'needs-action',
      meaning: 'Partner Center could not match this hardware hash to a device.',
      action: 'Collect the hash again on the device with Get-WindowsAutopilotInfo, import it, and retry.',
    },
  },
};

/**
 * What a per-device code means and what to do. `identity` is the identity the device was sent with
 * (`identityOf`); without it the explanation is the PKID-or-general one.
 */
export function explainDeviceError(code: string | null | undefined, description?: string | null, identity?: IdentityKind | null): DeviceErrorExplanation {
  const key = (code ?? '').trim();
  const special = identity ? byIdentity[identity]?.[key] : undefined;
  if (identity && special) return { code: key, key: `${identity}.${key}`, ...special };
  const known = table[key];
  if (known) return { code: key, key, ...known };
  return {
    code: key || 'unknown',
    ...(description ? { key: 'unknown.described', params: { description } } : { key: 'unknown.plain' }),
    name: description ?? 'Unknown error',
    outcome: 'needs-action',
    meaning: `Partner Center refused the device${description ? ` (${description})` : ''}.`,
    action: 'Retry the device; if it fails again, contact Microsoft support with the request id shown.',
  };
}

export const knownDeviceErrorCodes = Object.keys(table);

/** 806 and the device is among the partner's own batches for the customer: fully managed. */
export const ALREADY_PARTNER_REGISTERED = {
  code: '806',
  key: 'note.alreadyPartnerRegistered',
  text: "Already registered to this customer by this partner (it is in the partner's batch list): nothing to do.",
} as const;

/**
 * 806 and the device is in none of the partner's batches: the customer added it itself (Intune, Store
 * for Business). It is registered, but the partner cannot assign its profile or remove it.
 */
export const CUSTOMER_ADDED = {
  code: '806-customer',
  key: 'note.customerAdded',
  text: "Registered to this customer by the customer itself (Intune or Microsoft Store for Business), not in any of this partner's batches: the partner cannot assign its profile or deregister it. Ask the customer to assign the Autopilot profile in Intune, or to delete the device there so the partner can register and manage it (then retry).",
} as const;
