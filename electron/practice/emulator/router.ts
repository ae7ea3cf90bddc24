// The Partner Center routes. Literal segments match case-insensitively (clients send `DeviceBatches`,
// `batchjobstatus`, ...); `/v1` is optional. Each route has an id used by auth rules, throttle overrides
// and the request log.
import { getCustomer, listCustomers, relationshipRequest } from './customers';
import { appendDevices, createBatch, deleteDevice, listBatches, listDevices, updateDevice } from './device-batches';
import type { Handler } from './handler-kit';
import { getJobStatus } from './jobs';
import { createPolicy, deletePolicy, devicePolicyUpdates, getPolicy, listPolicies, updatePolicy } from './policies';

export interface Route {
  id: string;
  method: string;
  pattern: string;
  handler: Handler;
}

const C = '/customers/:cid';

export const ROUTES: readonly Route[] = [
  { id: 'customers.list', method: 'GET', pattern: '/customers', handler: listCustomers },
  { id: 'customers.relationshipRequests', method: 'GET', pattern: '/customers/relationshiprequests', handler: relationshipRequest },
  { id: 'customers.get', method: 'GET', pattern: C, handler: getCustomer },
  { id: 'deviceBatches.list', method: 'GET', pattern: `${C}/deviceBatches`, handler: listBatches },
  { id: 'deviceBatches.create', method: 'POST', pattern: `${C}/deviceBatches`, handler: createBatch },
  { id: 'devices.list', method: 'GET', pattern: `${C}/deviceBatches/:batchId/devices`, handler: listDevices },
  { id: 'devices.append', method: 'POST', pattern: `${C}/deviceBatches/:batchId/devices`, handler: appendDevices },
  { id: 'devices.update', method: 'PUT', pattern: `${C}/deviceBatches/:batchId/devices/:deviceId`, handler: updateDevice },
  { id: 'devices.delete', method: 'DELETE', pattern: `${C}/deviceBatches/:batchId/devices/:deviceId`, handler: deleteDevice },
  { id: 'batchJobStatus.get', method: 'GET', pattern: `${C}/batchJobStatus/:trackingId`, handler: getJobStatus },
  { id: 'policies.list', method: 'GET', pattern: `${C}/policies`, handler: listPolicies },
  { id: 'policies.create', method: 'POST', pattern: `${C}/policies`, handler: createPolicy },
  { id: 'policies.get', method: 'GET', pattern: `${C}/policies/:policyId`, handler: getPolicy },
  { id: 'policies.update', method: 'PUT', pattern: `${C}/policies/:policyId`, handler: updatePolicy },
  { id: 'policies.delete', method: 'DELETE', pattern: `${C}/policies/:policyId`, handler: deletePolicy },
  { id: 'devicePolicyUpdates.patch', method: 'PATCH', pattern: `${C}/DevicePolicyUpdates`, handler: devicePolicyUpdates },
];

/** Drops a leading `/v1` (any case) and trailing slashes. */
export function apiPath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return /^\/v1(\/|$)/i.test(trimmed) ? trimmed.slice(3) : trimmed;
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const seg = segments[i] ?? '';
    if (part.startsWith(':')) {
      params[part.slice(1)] = seg;
    } else if (part.toLowerCase() !== seg.toLowerCase()) {
      return undefined;
    }
  }
  return params;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

/** First match wins, so literal routes listed before parameter routes take precedence. */
export function matchRoute(method: string, path: string): RouteMatch {
  let segments: string[];
  try {
    segments = path.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  } catch {
    return { kind: 'none' };
  }
  const allowed: string[] = [];
  let firstPattern: string | undefined;
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    // Once a path matched one pattern, only routes of that same pattern count for 405.
    firstPattern ??= route.pattern;
    if (route.pattern !== firstPattern) continue;
    if (route.method === method) return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}
