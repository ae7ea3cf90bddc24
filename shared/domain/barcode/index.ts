// Barcode reads: normalise, classify (PKID / serial / GTIN / unknown / invalid), show safely.
// Pure: used by the renderer for an instant hint and by the core as the authoritative check.
export { SYMBOLOGIES, isRetailSymbology, isSymbology, type Symbology } from './symbology';
export { splitAimPrefix, type AimIdentifier } from './aim';
export { displayRaw } from './display';
export { gtinCheckDigit, hasValidGtinCheckDigit, isValidEan13, isValidUpcA } from './gtin';
export { MAX_READ_LENGTH, normaliseRead, type NormalisedRead } from './normalise';
export {
  DEFAULT_SERIAL_PATTERNS,
  matchSerial,
  parseSerialPatterns,
  type SerialMatch,
  type SerialPattern,
  type SerialPatternFile,
} from './serial-patterns';
export { classifyRead, type ClassifiedRead, type ClassifyOptions, type GtinFormat, type ReadInput, type ReadKind } from './classify';
export { cameraReadAction, type CameraReadAction, type CameraReadInput } from './camera-policy';
