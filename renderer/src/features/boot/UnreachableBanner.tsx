import type { ReactNode } from 'react';
import { useAppStore } from '../../store/provider';

export function UnreachableBanner(): ReactNode {
  const loadStation = useAppStore((s) => s.loadStation);
  return (
    <div className="banner banner-problem" role="alert" data-testid="unreachable-banner">
      <span>Station not reachable: what you do now is not saved. Check that Dockside is running.</span>
      <button type="button" className="btn btn-small" onClick={() => void loadStation()}>
        Check again
      </button>
    </div>
  );
}
