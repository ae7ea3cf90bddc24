import { roles, type Role } from '../../../shared/domain/roles';
import { credentialsFrom, dataDirFrom, parse, UsageError } from '../args';
import { NEW_PIN, secretFrom } from '../secrets';
import { asOperator, CommandFailed, openStation, type Io } from '../run';

export const operatorsHelp = [
  'dockside operators list [--json]                         every operator (admin)',
  'dockside operators add NAME --role ROLE --new-pin -      add an operator (admin); ROLE is operator, lead or admin;',
  '                                                         the new PIN typed without echo (or piped, or DOCKSIDE_NEW_PIN)',
  'dockside operators disable NAME                          disable an operator (admin)',
].join('\n');

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export async function operators(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, { role: { type: 'string' }, 'new-pin': { type: 'string' } });
  const [verb, name] = positionals;
  const station = await openStation(dataDirFrom(values['data-dir']));
  try {
    await asOperator(station, await credentialsFrom(values), async (call) => {
      if (verb === 'list') {
        const list = await call('operators:list', {});
        if (values.json) return io.out(JSON.stringify(list));
        for (const o of list) {
          const state = !o.active ? 'disabled' : o.lockedUntil && o.lockedUntil > Date.now() ? 'locked' : 'active';
          io.out(`${o.name.padEnd(24)} ${o.role.padEnd(9)} ${state}`);
        }
        return;
      }
      if (!name) throw new UsageError(`operators ${verb ?? ''} needs a NAME.`);
      if (verb === 'add') {
        const role = values.role ?? 'operator';
        if (!isRole(role)) throw new UsageError(`--role must be one of ${roles.join(', ')}.`);
        const pin = await secretFrom(NEW_PIN, values['new-pin']);
        if (!pin) throw new UsageError('operators add needs the new operator\'s PIN: --new-pin - (typed without echo, or piped) or DOCKSIDE_NEW_PIN.');
        const added = await call('operators:add', { name, role, pin });
        return io.out(values.json ? JSON.stringify(added) : `Added ${added.name} (${added.role}).`);
      }
      if (verb === 'disable') {
        const target = (await call('operators:list', {})).find((o) => o.name.toLowerCase() === name.toLowerCase());
        if (!target) throw new CommandFailed(`There is no operator called "${name}".`);
        const changed = await call('operators:setActive', { id: target.id, active: false });
        return io.out(values.json ? JSON.stringify(changed) : `Disabled ${changed.name}.`);
      }
      throw new UsageError(`Unknown operators command "${verb ?? ''}".\n${operatorsHelp}`);
    });
  } finally {
    station.close();
  }
}
