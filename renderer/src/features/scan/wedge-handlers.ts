// What the scanning view hands the page's wedge listener. Its own file, so ScanPage (which owns the
// listener) and ScanView (which answers the scans) each import it instead of importing each other.
import type { WedgeBurst } from '../../scanner/wedge-detector';
import type { ScanContext } from '../../scanner/wedge-listener';

export type WedgeScanHandler = (burst: WedgeBurst, context: ScanContext) => void;
/** The scanning view's handlers: scans, and bursts the detector took for a person's typing. */
export interface WedgeHandlers {
  readonly scan: WedgeScanHandler;
  readonly human: (burst: WedgeBurst) => void;
}
