import { XrmMockGenerator } from 'xrm-mock';
import { describe, expect, it, vi } from 'vitest';
import { onLoad } from '../src/account/form';
import { DedicatedOwnerRow, ownerLines } from '../src/account/owners';

const F = '@OData.Community.Display.V1.FormattedValue';
const today = new Date('2026-06-15T10:00:00Z');

const adv: DedicatedOwnerRow = {
  crmc_function: 100000003,
  crmc_validfrom: '2026-01-01',
  crmc_validto: '2026-12-31',
  [`_crmc_userid_value${F}`]: 'Ada Dupont',
  crmc_UserId: { fullname: 'Ada Dupont', isdisabled: false },
};
const savDisabled: DedicatedOwnerRow = {
  crmc_function: 100000004,
  crmc_validfrom: '2025-01-01',
  crmc_validto: null,
  [`_crmc_userid_value${F}`]: 'Sam Vial',
  crmc_UserId: { fullname: 'Sam Vial', isdisabled: true },
  [`_crmc_backupuserid_value${F}`]: 'Bea Backup',
  crmc_BackupUserId: { fullname: 'Bea Backup', isdisabled: false },
};
const logisticsTeam: DedicatedOwnerRow = {
  crmc_function: 100000001,
  crmc_validfrom: '2026-01-01',
  [`_crmc_teamid_value${F}`]: 'Logistics North',
  crmc_UserId: null,
};
const financeExpired: DedicatedOwnerRow = {
  crmc_function: 100000002,
  crmc_validfrom: '2025-01-01',
  crmc_validto: '2025-12-31',
  [`_crmc_userid_value${F}`]: 'Former Finance',
  crmc_UserId: { fullname: 'Former Finance', isdisabled: false },
};
const engineeringLater: DedicatedOwnerRow = {
  crmc_function: 100000005,
  crmc_validfrom: '2026-09-01',
  [`_crmc_userid_value${F}`]: 'Eli Engineer',
  crmc_UserId: { fullname: 'Eli Engineer', isdisabled: false },
};

describe('dedicated owners', () => {
  it('lists the owner of each function today and the fallback for the others', () => {
    const lines = ownerLines([adv, savDisabled, logisticsTeam, financeExpired, engineeringLater], today);
    expect(lines.map((l) => l.message)).toEqual([
      'Logistics: team Logistics North (dedicated, from 2026-01-01, no end date).',
      'ADV: Ada Dupont (dedicated owner, 2026-01-01 to 2026-12-31).',
      'SAV: Sam Vial is disabled, so the backup Bea Backup takes the work (from 2025-01-01, no end date).',
      'Engineering: no dedicated owner today (Eli Engineer from 2026-09-01); falls back to the routing rules, then the unrouted queue.',
      'No dedicated owner for Operations, Finance: falls back to the routing rules, then the unrouted queue.',
    ]);
    expect(lines.find((l) => l.function === 100000004)?.level).toBe('WARNING');
  });

  it('falls back when the owner is disabled and the backup is missing or disabled', () => {
    const noBackup = { ...savDisabled, crmc_BackupUserId: { fullname: 'Bea Backup', isdisabled: true } };
    expect(ownerLines([noBackup], today)[0].message).toBe(
      'SAV: Sam Vial is disabled and has no active backup; falls back to the routing rules, then the unrouted queue.',
    );
  });

  it('says every function falls back when the account has no dedicated owner', () => {
    expect(ownerLines([], today)).toEqual([
      {
        function: 0,
        level: 'INFO',
        message:
          'No dedicated owner for Operations, Logistics, Finance, ADV, SAV, Engineering: falls back to the routing rules, then the unrouted queue.',
      },
    ]);
  });
});

describe('account onLoad', () => {
  it('reads the account’s active dedicated owners and shows them as notifications', async () => {
    XrmMockGenerator.initialise({ entity: { id: '{AAAA0000-0000-0000-0000-000000000001}', entityName: 'account' } });
    const read = vi
      .spyOn(Xrm.WebApi, 'retrieveMultipleRecords')
      .mockResolvedValue({ entities: [adv], nextLink: undefined } as unknown as Xrm.RetrieveMultipleResult);
    await onLoad(XrmMockGenerator.getEventContext());
    expect(read.mock.calls[0][0]).toBe('crmc_dedicatedowner');
    expect(read.mock.calls[0][1]).toContain('_crmc_accountid_value eq aaaa0000-0000-0000-0000-000000000001 and statecode eq 0');
    const shown = (XrmMockGenerator.getFormContext().ui as unknown as { formNotifications: { uniqueId: string; message: string }[] })
      .formNotifications;
    expect(shown.map((n) => n.uniqueId)).toEqual(['crmc_owner_100000003', 'crmc_owner_0']);
    expect(shown[0].message).toContain('Ada Dupont');
  });

  it('says so when the owners cannot be read', async () => {
    XrmMockGenerator.initialise({ entity: { id: '{AAAA0000-0000-0000-0000-000000000001}', entityName: 'account' } });
    vi.spyOn(Xrm.WebApi, 'retrieveMultipleRecords').mockRejectedValue({ errorCode: 1, message: 'No read access' });
    await onLoad(XrmMockGenerator.getEventContext());
    const shown = (XrmMockGenerator.getFormContext().ui as unknown as { formNotifications: { message: string }[] }).formNotifications;
    expect(shown[0].message).toBe('Dedicated owners could not be read: No read access');
  });

  it('tells the rep what to do when the server fails without saying why, never "[object Object]"', async () => {
    XrmMockGenerator.initialise({ entity: { id: '{AAAA0000-0000-0000-0000-000000000001}', entityName: 'account' } });
    vi.spyOn(Xrm.WebApi, 'retrieveMultipleRecords').mockRejectedValue({ errorCode: 2147500037 });
    await onLoad(XrmMockGenerator.getEventContext());
    const shown = (XrmMockGenerator.getFormContext().ui as unknown as { formNotifications: { message: string }[] }).formNotifications;
    expect(shown[0].message).toBe(
      'Dedicated owners could not be read: the server gave no reason (error code 2147500037). ' +
        'Reload the form; if it happens again, tell your administrator.',
    );
  });

  it('tells a user whose role does not read dedicated owners so in a sentence, not with the server\'s privilege text', async () => {
    XrmMockGenerator.initialise({ entity: { id: '{AAAA0000-0000-0000-0000-000000000001}', entityName: 'account' } });
    // Dataverse's PrivilegeDenied (0x80040220), as Xrm.WebApi may give it: unsigned, with the platform's technical message.
    const denied = { errorCode: 2147746336, message: 'Principal user (Id=1f2e, type=8, roleCount=1) is missing prvReadcrmc_DedicatedOwner privilege' };
    vi.spyOn(Xrm.WebApi, 'retrieveMultipleRecords').mockRejectedValue(denied);
    await onLoad(XrmMockGenerator.getEventContext());
    const shown = (XrmMockGenerator.getFormContext().ui as unknown as { formNotifications: { level: string; message: string }[] })
      .formNotifications;
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ level: 'INFO', message: "Who receives this account's handoffs is not shown to your role." });
  });
});
