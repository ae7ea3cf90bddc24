// Window keydown (bubble phase) for the scanning view. The wedge listener runs in the capture phase
// and stops a scan's own Enter, so an Enter that gets here was pressed by a person; one that follows
// a typed character within HUMAN_ENTER_GAP_MS ends someone's typing and confirms nothing.
import { useEffect, useRef } from 'react';
import { scanKeyAction, type ScanKeyAction } from './scan-keys';

const HUMAN_ENTER_GAP_MS = 400;

export function useScanKeys(enabled: boolean, confirmPending: boolean, onAction: (action: ScanKeyAction) => void): void {
  const latest = useRef({ confirmPending, onAction });
  useEffect(() => {
    latest.current = { confirmPending, onAction };
  });
  useEffect(() => {
    if (!enabled) return;
    let lastCharAt = -Infinity;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented) return;
      if (event.key.length === 1 && !event.ctrlKey && !event.altKey) {
        lastCharAt = event.timeStamp;
        return;
      }
      const action = scanKeyAction(event, latest.current.confirmPending);
      if (action === undefined) return;
      if (action === 'keep' && event.timeStamp - lastCharAt < HUMAN_ENTER_GAP_MS) return;
      event.preventDefault();
      latest.current.onAction(action);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
