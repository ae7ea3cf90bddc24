import { z } from 'zod';
import { defineChannels } from './define';
import { done, empty, operatorView, pin, role } from './common';

/** A screen language as a BCP 47 tag ('de', 'pl', 'fr-CA'); which ones have catalogs is the renderer's business. */
export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A language is a BCP 47 tag such as de or fr-CA.');

// language: the operator's own choice, null to follow the station's default.
export const signedIn = z.object({ token: z.string(), sessionId: z.string(), operator: operatorView, language: languageTag.nullable() });
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
    // language only with an operator: nobody signed in has no language of their own.
    output: z.object({ operator: operatorView.nullable(), language: languageTag.nullable().optional() }),
    permission: 'public',
    summary: 'Who is signed in on this connection, if anyone.',
  },
  'session:signOut': {
    input: empty,
    output: done,
    permission: 'station:use',
    summary: 'Sign out.',
  },
  'session:setLanguage': {
    input: z.strictObject({ language: languageTag.nullable() }),
    output: done,
    permission: 'station:use',
    summary: 'Choose the language of your own screens (null: the station default).',
  },
  'session:changePin': {
    input: z.strictObject({ currentPin: z.string().max(64), newPin: pin }),
    output: done,
    permission: 'station:use',
    summary: 'Change your own PIN.',
  },
});
