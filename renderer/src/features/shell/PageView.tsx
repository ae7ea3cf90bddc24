import type { ReactNode } from 'react';
import { SettingsPage } from '../settings/SettingsPage';
import { ComingSoon } from './ComingSoon';
import type { PageId } from './pages';

export function PageView({ page }: { page: PageId }): ReactNode {
  switch (page) {
    case 'scan':
      return <ComingSoon title="Scan" what="Scanning boxes into a batch" />;
    case 'batches':
      return <ComingSoon title="Batches" what="Reviewing, closing and approving batches" />;
    case 'upload':
      return <ComingSoon title="Upload" what="Registering approved batches with Windows Autopilot" />;
    case 'reports':
      return <ComingSoon title="Reports" what="Reports and the audit trail" />;
    case 'settings':
      return <SettingsPage />;
  }
}
