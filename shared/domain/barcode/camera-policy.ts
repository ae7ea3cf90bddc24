// What the scan screen does with a value the webcam has confirmed. A camera sees every code on a
// box label, the retail EAN/UPC included; unlike a handheld scanner it was not aimed at that code on
// purpose, so a retail read is ignored quietly (no red flash, nothing sent to the core) instead of
// being refused as "not the PKID".
import { displayRaw } from './display';
import { isRetailSymbology, type Symbology } from './symbology';

export interface CameraReadInput {
  readonly text: string;
  readonly symbology: Symbology;
}

export type CameraReadAction =
  | { readonly action: 'record'; readonly raw: string; readonly symbology: Symbology }
  | { readonly action: 'ignore'; readonly reason: string };

const RETAIL_NAMES: Readonly<Partial<Record<Symbology, string>>> = { ean13: 'EAN-13', upca: 'UPC-A', ean8: 'EAN-8', upce: 'UPC-E' };

export function cameraReadAction(read: CameraReadInput): CameraReadAction {
  if (isRetailSymbology(read.symbology)) {
    const name = RETAIL_NAMES[read.symbology] ?? read.symbology;
    return { action: 'ignore', reason: `ignored: retail barcode ${name} ${displayRaw(read.text)}` };
  }
  return { action: 'record', raw: read.text, symbology: read.symbology };
}
