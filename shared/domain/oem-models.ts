import { z } from 'zod';
import catalogJson from './oem-models.json' with { type: 'json' };

// The firmware spellings the tuple picker offers (oem-models.json). Autopilot compares them
// case-sensitively with what the device reports, so the file is checked strictly when it loads: a
// stray space or a second spelling of one pair would be offered to staff as if it were right.

/**
 * Why a value cannot be a firmware string (SMBIOS strings are printable text), in words that finish
 * "The manufacturer …"; null when it can. Invisible characters and odd spaces come from copying out
 * of documents and would never match what the device reports.
 */
export function firmwareValueProblem(value: string): string | null {
  if (value === '') return 'is empty';
  if (/[\p{Cc}\p{Cf}]/u.test(value)) return 'holds an invisible control character (a tab, line break or similar)';
  if (/[\p{Cs}\p{Co}\p{Cn}\uFFFD]/u.test(value)) return 'holds a damaged or unprintable character';
  if (value.trim() !== value) return 'has spaces at the start or end';
  if (/[^\S ]/u.test(value)) return 'holds a space that is not a plain space (copied from a document?)';
  return null;
}

const firmwareValue = z.string().superRefine((value, ctx) => {
  const problem = firmwareValueProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: `"${value}" ${problem}` });
});

const ModelSchema = z.strictObject({
  model: firmwareValue,
  description: z.string().min(1).nullable(),
});

const CatalogSchema = z
  .strictObject({
    note: z.string().min(1),
    version: z.literal(1),
    manufacturers: z
      .array(z.strictObject({ name: firmwareValue, source: z.string().min(1), models: z.array(ModelSchema) }))
      .min(1),
  })
  .superRefine((file, ctx) => {
    const makers = new Set<string>();
    file.manufacturers.forEach((m, i) => {
      if (makers.has(m.name)) ctx.addIssue({ code: 'custom', path: ['manufacturers', i, 'name'], message: `manufacturer ${m.name} is listed twice` });
      makers.add(m.name);
      const models = new Set<string>();
      m.models.forEach((entry, j) => {
        if (models.has(entry.model)) ctx.addIssue({ code: 'custom', path: ['manufacturers', i, 'models', j], message: `${m.name} / ${entry.model} is listed twice` });
        models.add(entry.model);
      });
    });
  });

export interface OemModel {
  readonly manufacturer: string;
  readonly model: string;
  /** What the model is called on the box or in the OEM's catalogue, when the firmware value alone does not say. */
  readonly description: string | null;
}

export interface OemCatalog {
  /** Firmware spellings of manufacturers, most common first (some have no confirmed models yet). */
  readonly manufacturers: readonly string[];
  readonly models: readonly OemModel[];
}

/** Validates a catalogue file (e.g. oem-models.json). Throws a ZodError naming the bad entry. */
export function parseOemCatalog(input: unknown): OemCatalog {
  const file = CatalogSchema.parse(input);
  return {
    manufacturers: file.manufacturers.map((m) => m.name),
    models: file.manufacturers.flatMap((m) => m.models.map((entry) => ({ manufacturer: m.name, model: entry.model, description: entry.description }))),
  };
}

export const OEM_CATALOG: OemCatalog = parseOemCatalog(catalogJson);

export function catalogModelsOf(manufacturer: string, catalog: OemCatalog = OEM_CATALOG): OemModel[] {
  return catalog.models.filter((m) => m.manufacturer === manufacturer);
}

/**
 * The listed spelling of a value typed or chosen in another case ("DELL INC." for "Dell Inc."), which
 * Autopilot would not match; null when the value is listed as it is, or not listed in any case.
 */
export function otherCaseSpelling(value: string, listed: readonly string[]): string | null {
  if (listed.includes(value)) return null;
  const folded = value.toLowerCase();
  return listed.find((l) => l.toLowerCase() === folded) ?? null;
}
