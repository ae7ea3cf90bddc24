import { z } from 'zod';
import { defineChannels } from './define';
import { empty, id, operatorName, operatorView, pin, role } from './common';

export const operatorChannels = defineChannels({
  'operators:list': {
    input: empty,
    output: z.array(operatorView),
    permission: 'operators:manage',
    summary: 'Every operator, active or not.',
  },
  'operators:add': {
    input: z.strictObject({ name: operatorName, role, pin }),
    output: operatorView,
    permission: 'operators:manage',
    summary: 'Add an operator.',
  },
  'operators:setActive': {
    input: z.strictObject({ id, active: z.boolean() }),
    output: operatorView,
    permission: 'operators:manage',
    summary: 'Disable or re-enable an operator.',
  },
  'operators:setRole': {
    input: z.strictObject({ id, role }),
    output: operatorView,
    permission: 'operators:manage',
    summary: "Change an operator's role.",
  },
  'operators:setPin': {
    input: z.strictObject({ id, pin }),
    output: operatorView,
    permission: 'operators:manage',
    summary: "Set a new PIN for an operator (also lifts a lock-out).",
  },
  'operators:unlock': {
    input: z.strictObject({ id }),
    output: operatorView,
    permission: 'operators:manage',
    summary: 'Lift a lock-out.',
  },
});
