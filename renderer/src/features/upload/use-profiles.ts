// A customer's Autopilot profiles from Partner Center, loaded when the lead asks for them (not on every
// batch opened: the list is a call to Partner Center), with the note on what the list cannot show.
import { useCallback, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { errorText } from '../../i18n/errors';
import { useApi } from '../../store/provider';

export type Profile = ChannelOutput<'profiles:list'>['profiles'][number];
export type AssignResult = ChannelOutput<'profiles:assign'>;

export interface ProfilesState {
  profiles: Profile[] | null;
  note: string | null;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
}

export function useProfiles(customerTenantId: string): ProfilesState {
  const api = useApi();
  const [profiles, setProfiles] = useState<Profile[] | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(async () => {
    const mine = ++latest.current;
    setLoading(true);
    setError(null);
    try {
      const result = await api.call('profiles:list', { customerTenantId });
      if (mine !== latest.current) return;
      if (result.ok) {
        setProfiles(result.value.profiles);
        setNote(result.value.note);
      } else setError(errorText(result.error));
    } finally {
      if (mine === latest.current) setLoading(false);
    }
  }, [api, customerTenantId]);

  return { profiles, note, loading, error, load };
}
