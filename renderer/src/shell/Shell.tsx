// The signed-in station: top bar, practice banner, navigation, the current page and the upload status bar.
import type { ReactNode } from 'react';
import { useAppStore } from '../store/provider';
import { SyncStatusBar } from '../features/upload/SyncStatusBar';
import { Navigation } from './Navigation';
import { PageView } from './PageView';
import { visiblePage } from './pages';
import { PracticeBanner } from './PracticeBanner';
import { TopBar } from './TopBar';
import { useNavShortcuts } from './use-nav-shortcuts';

export function Shell(): ReactNode {
  const role = useAppStore((s) => s.operator?.role ?? 'operator');
  const chosen = useAppStore((s) => s.page);
  const practiceMode = useAppStore((s) => s.station?.practiceMode ?? false);
  const page = visiblePage(role, chosen);
  useNavShortcuts(role);
  return (
    <div className="shell" data-testid="shell">
      <TopBar />
      {practiceMode && <PracticeBanner />}
      <div className="shell-body">
        <Navigation role={role} current={page} />
        <main className="page" id="page" tabIndex={-1} data-testid={`page-${page}`}>
          <PageView page={page} />
        </main>
      </div>
      <SyncStatusBar />
    </div>
  );
}
