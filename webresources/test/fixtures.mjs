// Web API rows shaped as Dataverse returns them (formatted values included), shared by the unit and browser tests.
const F = '@OData.Community.Display.V1.FormattedValue';

export const OpportunityId = '5e0a1d2c-0000-4000-8000-000000000001';
export const AccountId = 'acc00000-0000-4000-8000-000000000001';
export const Now = new Date('2026-11-26T08:00:00Z');

const Labels = {
  functions: { 100000000: 'Operations', 100000001: 'Logistics', 100000002: 'Finance', 100000003: 'ADV' },
  decisions: { 100000000: 'Pending', 100000001: 'Approved', 100000002: 'Approved with conditions', 100000003: 'Rejected' },
};

/** crmc_feasibilitydetail (version 1) for review rows, as FeasibilityDetail.ToJson writes it: by function order. */
export function feasibilityDetail(status, reviewRows) {
  const items = [...reviewRows]
    .sort((a, b) => a.crmc_function - b.crmc_function)
    .map((r) => ({
      function: r.crmc_function,
      functionLabel: Labels.functions[r.crmc_function],
      decision: r.crmc_decision,
      decisionLabel: Labels.decisions[r.crmc_decision],
      blocking: r.crmc_decision !== 100000001 && r.crmc_decision !== 100000002,
      reviewer: r[`_ownerid_value${F}`] ?? null,
      due: r.crmc_duedate ? new Date(r.crmc_duedate).toISOString().replace(/\.\d{3}Z$/, 'Z') : null,
      reason: r.crmc_decision === 100000003 ? r.crmc_rejectionreason ?? null : null,
      conditions: r.crmc_decision === 100000002 ? r.crmc_conditions ?? null : null,
    }));
  return JSON.stringify({ v: 1, status, items });
}

/** The deal, with its feasibility columns for the reviews below: Finance rejected, so Blocked. */
export function dealFor(reviewRows) {
  return {
    opportunityid: OpportunityId,
    name: 'Custom conveyor line',
    _parentaccountid_value: AccountId,
    [`_parentaccountid_value${F}`]: 'Contoso Manufacturing',
    crmc_feasibilitystatus: 100000003,
    crmc_feasibilitydetail: feasibilityDetail(100000003, reviewRows),
  };
}

export const reviews = [
  {
    crmc_feasibilityreviewid: 'rev-log',
    crmc_function: 100000001,
    crmc_decision: 100000000,
    crmc_duedate: '2026-11-25T09:00:00Z',
    [`_ownerid_value${F}`]: 'Lena Logistics',
  },
  {
    crmc_feasibilityreviewid: 'rev-fin',
    crmc_function: 100000002,
    crmc_decision: 100000003,
    crmc_duedate: '2026-11-24T09:00:00Z',
    crmc_rejectionreason: 'Margin below 18% at this discount',
    [`_ownerid_value${F}`]: 'Fiona Finance',
  },
  {
    crmc_feasibilityreviewid: 'rev-adv',
    crmc_function: 100000003,
    crmc_decision: 100000002,
    crmc_duedate: '2026-11-20T09:00:00Z',
    crmc_conditions: 'Signed contract before order entry',
    [`_ownerid_value${F}`]: 'Ada Dupont',
  },
  {
    crmc_feasibilityreviewid: 'rev-ops',
    crmc_function: 100000000,
    crmc_decision: 100000000,
    crmc_duedate: '2026-11-30T09:00:00Z',
    [`_ownerid_value${F}`]: 'Otto Ops',
  },
];

export const handoffs = [
  {
    activityid: 'task-adv',
    subject: 'Enter the order',
    crmc_function: 100000003,
    scheduledend: '2026-12-02T17:00:00Z',
    crmc_acceptedon: '2026-11-27T08:30:00Z',
    crmc_contractnumber: 'C-2026-0042',
    statecode: 0,
    [`_ownerid_value${F}`]: 'Ada Dupont',
    crmc_HandoffTemplateId: { crmc_requiredevidence: 'crmc_contractnumber' },
  },
  {
    activityid: 'task-log',
    subject: 'Ship the line',
    crmc_function: 100000001,
    scheduledend: '2026-12-10T17:00:00Z',
    crmc_acceptedon: null,
    crmc_trackingnumber: null,
    statecode: 0,
    crmc_isunrouted: true,
    [`_ownerid_value${F}`]: 'CrmCollab Unrouted',
    crmc_HandoffTemplateId: { crmc_requiredevidence: 'crmc_trackingnumber, crmc_deliveredon' },
  },
];

export const signals = [
  {
    crmc_fieldsignalid: 'sig-1',
    crmc_name: 'Competitor demo on site',
    crmc_kind: 100000001,
    crmc_description: 'Fabrikam showed a cheaper line to the plant manager.',
    createdon: '2026-11-21T14:00:00Z',
    crmc_acknowledgedon: null,
    [`_crmc_raisedby_value${F}`]: 'Sam Vial',
  },
];

export const deal = dealFor(reviews);

/** A Web API stand-in answering the panel's four reads from the rows above (`dealRow` replaces the deal). */
export function fakeWebApi(overrides = {}, dealRow = deal) {
  const tables = {
    crmc_feasibilityreview: reviews,
    task: handoffs,
    crmc_fieldsignal: signals,
    ...overrides,
  };
  const calls = [];
  return {
    calls,
    retrieveRecord: async (entity, id, options) => {
      calls.push(`${entity}(${id})${options ?? ''}`);
      return dealRow;
    },
    retrieveMultipleRecords: async (entity, options) => {
      calls.push(`${entity}${options ?? ''}`);
      return { entities: tables[entity] ?? [] };
    },
  };
}
