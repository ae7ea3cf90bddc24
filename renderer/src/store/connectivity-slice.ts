import type { ConnectivitySlice, SliceCreator } from './types';

export function createConnectivitySlice(initialOnline: boolean): SliceCreator<ConnectivitySlice> {
  return (set) => ({
    online: initialOnline,
    link: null,
    setOnline: (online) => set({ online }),
    setLink: (link) => set((s) => (s.link === link ? s : { link })),
  });
}
