// The settings table: one JSON text per key. What the text means (schemas, defaults) is the core's.
import { eq } from 'drizzle-orm';
import { settings } from '../schema';
import type { Queryable } from '../types';

export function settingText(db: Queryable, key: string): string | undefined {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function saveSettingText(db: Queryable, key: string, text: string, at: number, by: number | null): void {
  db.insert(settings)
    .values({ key, value: text, updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: text, updatedAt: at, updatedBy: by } })
    .run();
}
