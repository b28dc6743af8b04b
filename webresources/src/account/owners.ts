// Who takes each function's work for an account today, as the server's OwnerResolver decides it for the account's
// own rows: the dedicated owner, else the backup when the owner is disabled, else the routing rules. Parent accounts
// and the rules themselves are resolved by the server only.
import { AllFunctions, functionLabel } from '../shared/choices';
import { formatDay, formatted } from '../shared/format';

export type DedicatedOwnerRow = Record<string, unknown> & {
  crmc_function?: number;
  crmc_validfrom?: string | null;
  crmc_validto?: string | null;
  crmc_UserId?: { fullname?: string; isdisabled?: boolean } | null;
  crmc_BackupUserId?: { fullname?: string; isdisabled?: boolean } | null;
};

export const OwnerQuery =
  '?$select=crmc_function,crmc_validfrom,crmc_validto,_crmc_userid_value,_crmc_teamid_value,_crmc_backupuserid_value' +
  '&$expand=crmc_UserId($select=fullname,isdisabled),crmc_BackupUserId($select=fullname,isdisabled)';

export function ownerFilter(accountId: string): string {
  return `&$filter=_crmc_accountid_value eq ${accountId} and statecode eq 0&$orderby=crmc_validfrom asc`;
}

export interface OwnerLine {
  function: number;
  level: Xrm.FormNotificationLevel;
  message: string;
}

const FALLBACK = 'falls back to the routing rules, then the unrouted queue';

function validity(row: DedicatedOwnerRow): string {
  const from = formatDay(row.crmc_validfrom);
  const to = formatDay(row.crmc_validto);
  if (!from && !to) return 'no end date';
  if (!to) return `from ${from}, no end date`;
  return from ? `${from} to ${to}` : `until ${to}`;
}

function isValidOn(row: DedicatedOwnerRow, day: string): boolean {
  const from = formatDay(row.crmc_validfrom);
  const to = formatDay(row.crmc_validto);
  return (!from || from <= day) && (!to || day <= to);
}

function describe(fn: number, row: DedicatedOwnerRow): OwnerLine {
  const label = functionLabel(fn);
  const team = formatted(row, '_crmc_teamid_value');
  const user = formatted(row, '_crmc_userid_value') || row.crmc_UserId?.fullname || '';
  const when = validity(row);
  if (team) return { function: fn, level: 'INFO', message: `${label}: team ${team} (dedicated, ${when}).` };
  if (!row.crmc_UserId?.isdisabled) {
    return { function: fn, level: 'INFO', message: `${label}: ${user} (dedicated owner, ${when}).` };
  }
  const backup = formatted(row, '_crmc_backupuserid_value') || row.crmc_BackupUserId?.fullname || '';
  if (backup && row.crmc_BackupUserId && !row.crmc_BackupUserId.isdisabled) {
    return { function: fn, level: 'WARNING', message: `${label}: ${user} is disabled, so the backup ${backup} takes the work (${when}).` };
  }
  return { function: fn, level: 'WARNING', message: `${label}: ${user} is disabled and has no active backup; ${FALLBACK}.` };
}

/** One line per function that has a dedicated owner today, and one line for all the others. */
export function ownerLines(rows: readonly DedicatedOwnerRow[], today: Date): OwnerLine[] {
  const day = formatDay(today);
  const lines: OwnerLine[] = [];
  const without: string[] = [];
  for (const fn of AllFunctions) {
    const mine = rows.filter((r) => r.crmc_function === fn);
    const current = mine.find((r) => isValidOn(r, day));
    if (current) {
      lines.push(describe(fn, current));
      continue;
    }
    const upcoming = mine.find((r) => formatDay(r.crmc_validfrom) > day);
    if (upcoming) {
      const who = formatted(upcoming, '_crmc_userid_value') || formatted(upcoming, '_crmc_teamid_value');
      lines.push({
        function: fn,
        level: 'INFO',
        message: `${functionLabel(fn)}: no dedicated owner today (${who} from ${formatDay(upcoming.crmc_validfrom)}); ${FALLBACK}.`,
      });
      continue;
    }
    without.push(functionLabel(fn));
  }
  if (without.length > 0) {
    lines.push({ function: 0, level: 'INFO', message: `No dedicated owner for ${without.join(', ')}: ${FALLBACK}.` });
  }
  return lines;
}
