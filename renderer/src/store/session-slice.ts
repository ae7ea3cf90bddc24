import type { ApiClient } from '../api';
import { applyLanguage } from '../i18n/station-language';
import type { SessionSlice, SliceCreator } from './types';

export function createSessionSlice(api: ApiClient): SliceCreator<SessionSlice> {
  return (set, get) => {
    // The operator's language, else the station's (the OS's list, once station:info has told it).
    const speak = (chosen: string | null): void => void applyLanguage(chosen, get().station?.systemLanguages);
    return {
      operator: null,
      sessionId: null,
      sessionChecked: false,
      sessionNotice: null,

      async restoreSession() {
        const stored = api.session();
        if (!stored) return set({ sessionChecked: true });
        const result = await api.call('session:current', {});
        if (result.ok && result.value.operator) {
          speak(result.value.language ?? null);
          set({ operator: result.value.operator, sessionId: stored.sessionId, sessionChecked: true });
        } else if (result.ok) {
          // The core no longer knows the token (restarted, signed out elsewhere): start clean.
          api.setSession(null);
          set({ operator: null, sessionId: null, sessionChecked: true });
        } else {
          set({ sessionChecked: result.error.code !== 'OFFLINE' });
        }
      },

      async signIn(name, pin) {
        const result = await api.call('session:signIn', { name, pin });
        if (result.ok) {
          const { token, sessionId, operator, language } = result.value;
          speak(language);
          api.setSession({ token, sessionId });
          set({ operator, sessionId, sessionNotice: null, sessionChecked: true, page: 'scan' });
        }
        return result;
      },

      async signOut() {
        const hadSession = api.session() !== null;
        // Forget the session first, so its own signedOut event is not taken for someone else's doing.
        set({ sessionId: null });
        if (hadSession) await api.call('session:signOut', {});
        api.setSession(null);
        get().endSession(null);
      },

      endSession(notice) {
        api.setSession(null);
        // The sign-in screen speaks the station's language, not the last operator's.
        speak(null);
        set({ operator: null, sessionId: null, sessionNotice: notice, page: 'scan', operators: [], operatorsStatus: 'idle', operatorsError: null });
      },

      async chooseLanguage(language) {
        speak(language);
        if (get().operator) await api.call('session:setLanguage', { language });
      },

      async refreshMe() {
        if (!get().operator) return;
        const result = await api.call('session:current', {});
        if (result.ok && result.value.operator) set({ operator: result.value.operator });
      },
    };
  };
}
