import { dataDirFrom, parse } from '../args';
import { CommandFailed, openStation, type Io } from '../run';
import { verifyStation } from '../../core/verify';
import { auditChainText } from '../../core/support/verify-text';

export const verifyHelp = 'dockside verify [--json]                                  check database integrity and the audit chain';

export async function verify(argv: string[], io: Io): Promise<void> {
  const { values } = parse(argv, {});
  const station = await openStation(dataDirFrom(values['data-dir']));
  try {
    const report = verifyStation(station.database.sqlite, station.identity.seal.chainKeys());
    if (values.json) io.out(JSON.stringify(report));
    else {
      io.out(`integrity_check: ${report.integrity.length === 0 ? 'ok' : report.integrity.join('; ')}`);
      io.out(`foreign_key_check: ${report.foreignKeys.length === 0 ? 'ok' : report.foreignKeys.join('; ')}`);
      io.out(`audit chain: ${auditChainText(report.audit)}`);
    }
    if (!report.ok) throw new CommandFailed('Verification failed: see the lines above.', 1);
  } finally {
    station.close();
  }
}
