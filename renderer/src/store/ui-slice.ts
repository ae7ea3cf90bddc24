import type { SliceCreator, UiSlice } from './types';

export function createUiSlice(): SliceCreator<UiSlice> {
  return (set) => ({
    page: 'scan',
    setPage: (page) => set({ page }),
  });
}
