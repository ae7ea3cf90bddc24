// Injected trouble: latency, server errors, dropped connections and hangs. Rules with `times` count down
// and disappear, so a test can ask for "the next two requests fail" deterministically.
import type { FaultRule, Switches } from './switches';

export function delayMs(switches: Switches): number {
  const { ms, jitterMs } = switches.latency;
  return ms + (jitterMs > 0 ? Math.random() * jitterMs : 0);
}

function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.route) {
    try {
      if (!new RegExp(rule.route, 'i').test(path)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** The first rule of this phase that matches and fires; consumes one of its `times`. */
export function pickFault(switches: Switches, method: string, path: string, after: boolean): FaultRule | undefined {
  const index = switches.faults.findIndex((r) => r.after === after && ruleMatches(r, method, path) && Math.random() < r.rate);
  const rule = switches.faults[index];
  if (!rule) return undefined;
  if (rule.times !== undefined) {
    rule.times -= 1;
    if (rule.times <= 0) switches.faults.splice(index, 1);
  }
  return rule;
}
