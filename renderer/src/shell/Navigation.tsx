import type { ReactNode } from 'react';
import { useTranslation } from '../i18n';
import type { Role } from '../../../shared/domain/roles';
import { useAppStore } from '../store/provider';
import { pagesFor, type PageId } from './pages';

export function Navigation({ role, current }: { role: Role; current: PageId }): ReactNode {
  const { t } = useTranslation('shell');
  const setPage = useAppStore((s) => s.setPage);
  return (
    <nav className="nav" aria-label={t('pages')}>
      {pagesFor(role).map((p) => (
        <button
          key={p.id}
          type="button"
          className="nav-item"
          aria-current={p.id === current ? 'page' : undefined}
          aria-keyshortcuts={`Alt+${p.key}`}
          onClick={() => setPage(p.id)}
          data-testid={`nav-${p.id}`}
        >
          <span className="nav-label">{t(`page.${p.id}`)}</span>
          <kbd className="nav-key">{t('altKey', { key: p.key })}</kbd>
        </button>
      ))}
    </nav>
  );
}
