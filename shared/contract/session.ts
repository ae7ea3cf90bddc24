import { z } from 'zod';
import { defineChannels } from './define';
import { done, empty, operatorView, pin, role } from './common';

export const signedIn = z.object({ token: z.string(), sessionId: z.string(), operator: operatorView });
export type SignedIn = z.infer<typeof signedIn>;

export const sessionChannels = defineChannels({
  'session:operators': {
    input: empty,
    output: z.array(z.object({ id: z.number().int(), name: z.string(), role })),
    permission: 'public',
    summary: 'Active operators, for the sign-in picker.',
  },
  'session:signIn': {
    // The PIN format is not checked here: a malformed PIN is a failed attempt like any other.
    input: z.strictObject({ name: z.string().trim().min(1).max(40), pin: z.string().max(64) }),
    output: signedIn,
    permission: 'public',
    summary: 'Sign in with name and PIN.',
  },
  'session:current': {
    input: empty,
    output: z.object({ operator: operatorView.nullable() }),
    permission: 'public',
    summary: 'Who is signed in on this connection, if anyone.',
  },
  'session:signOut': {
    input: empty,
    output: done,
    permission: 'station:use',
    summary: 'Sign out.',
  },
  'session:changePin': {
    input: z.strictObject({ currentPin: z.string().max(64), newPin: pin }),
    output: done,
    permission: 'station:use',
    summary: 'Change your own PIN.',
  },
});
