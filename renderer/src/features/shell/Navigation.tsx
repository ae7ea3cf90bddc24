import type { ReactNode } from 'react';
import type { Role } from '../../../../shared/domain/roles';
import { useAppStore } from '../../store/provider';
import { pagesFor, type PageId } from './pages';

export function Navigation({ role, current }: { role: Role; current: PageId }): ReactNode {
  const setPage = useAppStore((s) => s.setPage);
  return (
    <nav className="nav" aria-label="Pages">
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
          <span className="nav-label">{p.label}</span>
          <kbd className="nav-key">Alt+{p.key}</kbd>
        </button>
      ))}
    </nav>
  );
}
