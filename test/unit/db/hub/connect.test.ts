import { describe, expect, it } from 'vitest';
import { splitHubUrl } from '../../../../db/hub/connect';
import { HubError, hubProblem, isHubUnreachable } from '../../../../db/hub/errors';

describe('splitHubUrl', () => {
  it('takes the password out of the URL the station keeps and prints', () => {
    expect(splitHubUrl('postgres://dock_a:s%40cret@hub.example:5432/fleet?sslmode=verify-full')).toEqual({ url: 'postgres://dock_a@hub.example:5432/fleet?sslmode=verify-full', password: 's@cret' });
  });

  it('leaves a URL without a password as it is', () => {
    expect(splitHubUrl('postgresql://dock_b@10.0.0.5/fleet')).toEqual({ url: 'postgresql://dock_b@10.0.0.5/fleet', password: undefined });
  });

  it('refuses what is not a PostgreSQL URL with a sentence saying what one looks like', () => {
    expect(() => splitHubUrl('hub.example:5432')).toThrow(/postgres:\/\/ROLE@HOST:5432\/DATABASE/);
    expect(() => splitHubUrl('https://hub.example/')).toThrow(HubError);
  });
});

describe('hubProblem', () => {
  const where = 'postgres://dock_a@hub:5432/fleet';

  it('names an unreachable hub and says the station carries on', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isHubUnreachable(err)).toBe(true);
    expect(hubProblem(err, where).message).toMatch(/cannot be reached .*keeps working on its own/);
  });

  it('tells a refused sign-in and missing rights apart', () => {
    expect(hubProblem(Object.assign(new Error('password authentication failed for user "dock_a"'), { code: '28P01' }), where).problem).toBe('auth');
    expect(hubProblem(Object.assign(new Error('permission denied for table identities'), { code: '42501' }), where).message).toMatch(/GRANTs/);
  });
});
