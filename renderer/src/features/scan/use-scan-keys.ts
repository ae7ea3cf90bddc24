// Window keydown (bubble phase) for the scanning view. The wedge listener runs in the capture phase
// and stops a scan's own Enter, so an Enter that gets here was pressed by a person; one that follows
// a typed character within HUMAN_ENTER_GAP_MS ends someone's typing and confirms nothing.
// The first keys of every scan reach here too (the wedge listener holds a burst's keys only from its
// third on), so the view clears lastCharAt when a burst proves a scan: those characters were the
// scanner's, and an Enter soon after the question is a person answering it, not the end of typing.
import { useEffect, useRef, type RefObject } from 'react';
import { scanKeyAction, type ScanKeyAction } from './scan-keys';

const HUMAN_ENTER_GAP_MS = 400;

/** lastCharAt: when the last character that reached the page was typed (-Infinity: none since the last scan). */
export function useScanKeys(enabled: boolean, confirmPending: boolean, onAction: (action: ScanKeyAction) => void, lastCharAt: RefObject<number>): void {
  const latest = useRef({ confirmPending, onAction });
  useEffect(() => {
    latest.current = { confirmPending, onAction };
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented) return;
      if (event.key.length === 1 && !event.ctrlKey && !event.altKey) {
        lastCharAt.current = event.timeStamp;
        return;
      }
      const action = scanKeyAction(event, latest.current.confirmPending);
      if (action === undefined) return;
      if (action === 'keep' && event.timeStamp - lastCharAt.current < HUMAN_ENTER_GAP_MS) return;
      event.preventDefault();
      latest.current.onAction(action);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, lastCharAt]);
}
