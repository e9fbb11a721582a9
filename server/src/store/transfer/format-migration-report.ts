/** The migration report as the CLI prints it: a per-collection table, then each verification in a sentence. */
import type { AuditVerification } from '../../features/audit/audit-service';
import type { AuditHead } from './transfer-port';
import type { MigrationReport } from './migrate-store';

const head = (h: AuditHead | null): string => (h ? `#${h.sequence} ${h.hash}` : 'none (empty log)');

function chainLine(name: string, chain: AuditVerification): string {
  return chain.valid
    ? `${name} audit chain: valid, ${chain.checked} events`
    : `${name} audit chain: BROKEN at sequence ${chain.firstBrokenSequence}: ${chain.problem}`;
}

/** Plain text, one line per fact, ending with the verdict; no trailing newline. */
export function formatMigrationReport(report: MigrationReport): string {
  const width = Math.max(...report.collections.map((c) => c.collection.length), 'collection'.length);
  const row = (cells: string[]) =>
    `  ${(cells[0] ?? '').padEnd(width)}${cells
      .slice(1)
      .map((c) => c.padStart(10))
      .join('')}`;
  const lines = [`Copied ${report.source}`, `    to ${report.target}`, '', row(['collection', 'source', 'copied', 'target'])];
  for (const c of report.collections) {
    const differs = c.source !== c.copied || c.copied !== c.target;
    lines.push(`${row([c.collection, String(c.source), String(c.copied), String(c.target)])}${differs ? '   <- counts differ' : ''}`);
  }
  const { audit, versions, integrity } = report;
  lines.push('', chainLine('Target', audit.target));
  if (!audit.source.valid) lines.push(`${chainLine('Source', audit.source)} (copied as it was: a migration never rewrites the log)`);
  lines.push(`Audit head: source ${head(audit.sourceHead)}, target ${head(audit.targetHead)}${audit.headsMatch ? ' (match)' : ' (DIFFERENT)'}`);
  lines.push(
    versions.mismatchCount === 0
      ? `Version content hashes: ${versions.checked} checked, all match their content`
      : `Version content hashes: ${versions.mismatchCount} of ${versions.checked} do NOT match their content: ${versions.mismatched.map((v) => `${v.policyId} v${v.version}`).join(', ')}`,
  );
  lines.push(integrity.length === 0 ? 'Target integrity: sound' : `Target integrity: ${integrity.length} problem(s)`, ...integrity.map((p) => `  - ${p}`));
  lines.push('', report.ok ? 'Migration verified: the target is a complete copy of the source.' : 'Migration NOT verified: see the lines above.');
  return lines.join('\n');
}
