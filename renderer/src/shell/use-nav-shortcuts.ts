import { useEffect } from 'react';
import type { Role } from '../../../shared/domain/roles';
import { useAppStore } from '../store/provider';
import { pagesFor } from './pages';

/** Alt+1..5 opens the pages the role may use; other pages' shortcuts do nothing. */
export function useNavShortcuts(role: Role): void {
  const setPage = useAppStore((s) => s.setPage);
  useEffect(() => {
    const allowed = pagesFor(role);
    function onKeyDown(event: KeyboardEvent): void {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      // event.code keeps working when a keyboard layout puts other characters on the digit row.
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null);
      const page = allowed.find((p) => p.key === digit);
      if (!page) return;
      event.preventDefault();
      setPage(page.id);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [role, setPage]);
}
