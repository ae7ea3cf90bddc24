// What a device line claims across the fleet: an identity kind and its values. Shared by the hub's
// tables and claims and by the station's outbox and its copy of the other docks' identities.
export const identityKinds = ['pkid', 'hash', 'tuple'] as const;
export type IdentityKind = (typeof identityKinds)[number];

export interface IdentityValues {
  readonly kind: IdentityKind;
  readonly pkid: string | null;
  readonly serial: string | null;
  readonly manufacturer: string | null;
  readonly model: string | null;
  readonly hardwareHashSha256: string | null;
}
