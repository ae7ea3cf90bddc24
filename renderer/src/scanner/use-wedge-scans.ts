// Keeps one wedge listener running while the component is mounted (the scan page only), rebuilt
// when the thresholds change. The callbacks are read through refs so a re-render never drops a burst.
import { useEffect, useRef } from 'react';
import type { WedgeBurst } from './wedge-detector';
import { listenForWedgeScans, type ScanContext } from './wedge-listener';
import type { WedgeSettings } from './wedge-settings';
import type { ScannerProfile } from '../../../shared/domain/wedge/profile';

const NO_PROFILES: readonly ScannerProfile[] = [];

export interface WedgeScanHandlers {
  readonly onScan: (burst: WedgeBurst, context: ScanContext) => void;
  readonly onBurst?: (burst: WedgeBurst) => void;
}

export function useWedgeScans(settings: WedgeSettings, handlers: WedgeScanHandlers, profiles: readonly ScannerProfile[] = NO_PROFILES): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(
    () =>
      listenForWedgeScans({
        settings,
        profiles,
        onScan: (burst, context) => latest.current.onScan(burst, context),
        onBurst: (burst) => latest.current.onBurst?.(burst),
      }),
    [settings, profiles],
  );
}
