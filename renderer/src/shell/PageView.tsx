import type { ReactNode } from 'react';
import { BatchesPage } from '../features/batches/BatchesPage';
import { ReportsPage } from '../pages/ReportsPage';
import { ScanPage } from '../features/scan/ScanPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UploadPage } from '../pages/UploadPage';
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
