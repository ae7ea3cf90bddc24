// When something happened at a dock, in the station's local time: the time alone today, the date too
// otherwise (a lead reading "07:42" on Monday about a box from Friday would be misled).
import { formatDateTime, formatTime } from '../../i18n/format';

export function fleetWhen(at: number, now: number = Date.now()): string {
  return new Date(at).toDateString() === new Date(now).toDateString() ? formatTime(at) : formatDateTime(at);
}
