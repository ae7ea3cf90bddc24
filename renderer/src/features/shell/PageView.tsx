import type { ReactNode } from 'react';
import { BatchesPage } from '../batches/BatchesPage';
import { ReportsPage } from '../reports/ReportsPage';
import { ScanPage } from '../scan/ScanPage';
import { SettingsPage } from '../settings/SettingsPage';
import { UploadPage } from '../upload/UploadPage';
import type { PageId } from './pages';

export function PageView({ page }: { page: PageId }): ReactNode {
  switch (page) {
    case 'scan':
      return <ScanPage />;
    case 'batches':
      return <BatchesPage />;
    case 'upload':
      return <UploadPage />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}
