// The shift lead's desk: review a batch's lines, find a box anywhere, and correct lines with a
// reason. The rules live in electron/core/review/; each channel hands its input to one of them.
import { ok } from '../../../shared/contract';
import type { reviewChannels } from '../../../shared/contract/review';
import type { Handlers } from '../dispatcher';
import { attachHash } from '../review/attach-hash';
import { findBox, reviewPage, reviewRowsAt } from '../review/find-lines';
import { fixLine } from '../review/fix-line';
import { removeLine, restoreLine } from '../review/remove-line';

export const reviewHandlers: Pick<Handlers, keyof typeof reviewChannels> = {
  'review:devices': ({ after, limit, ...filter }, ctx) => reviewPage(ctx.db, filter, after ?? 0, limit),
  'review:rows': ({ offset, limit, ...filter }, ctx) => reviewRowsAt(ctx.db, filter, offset, limit),
  'review:find': ({ query }, ctx) => ok(findBox(ctx.db, query)),
  'review:removeDevice': (input, ctx) => removeLine(ctx, input),
  'review:restoreDevice': (input, ctx) => restoreLine(ctx, input),
  'review:fixDevice': (input, ctx) => fixLine(ctx, input),
  'review:attachHash': (input, ctx) => attachHash(ctx, input),
};
