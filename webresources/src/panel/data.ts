// The panel's Web API reads: one per list, the three deal lists in parallel. A list the user's roles do not let them
// read (a reviewer and the account's signals) is left out with a plain sentence; any other failure fails the load.
import { isAccessDenied } from '../shared/access';
import { Decision, OpportunityState } from '../shared/choices';
import { bareId, formatted } from '../shared/format';
import { PanelModel, toFeasibility, toHandoff, toReview, toSignal } from './model';

/** The two Xrm.WebApi reads the panel uses (a test or a host can provide just these). */
export interface PanelWebApi {
  retrieveRecord(entity: string, id: string, options?: string): PromiseLike<Record<string, any>>;
  retrieveMultipleRecords(entity: string, options?: string): PromiseLike<{ entities: Record<string, any>[] }>;
}

/** The open signals the panel lists, the most recent first; it reads one more to know whether the account has others. */
export const SignalsShown = 20;

export const Queries = {
  deal: '?$select=name,_parentaccountid_value,_customerid_value,crmc_feasibilitystatus,crmc_feasibilitydetail,statecode,crmc_wonon',
  /** Current reviews only: invalidated and withdrawn ones are history. */
  reviews: (deal: string) =>
    '?$select=crmc_feasibilityreviewid,crmc_function,crmc_decision,crmc_duedate,crmc_conditions,crmc_rejectionreason,_ownerid_value' +
    `&$filter=_crmc_opportunityid_value eq ${deal} and crmc_decision ne ${Decision.Invalidated} and crmc_decision ne ${Decision.Withdrawn}` +
    '&$orderby=crmc_function asc',
  handoffs: (deal: string) =>
    '?$select=activityid,subject,crmc_function,scheduledend,crmc_acceptedon,crmc_contractnumber,crmc_trackingnumber,' +
    'crmc_deliveredon,crmc_servicereference,crmc_isunrouted,crmc_requiredevidence,statecode,_ownerid_value' +
    '&$expand=crmc_HandoffTemplateId($select=crmc_requiredevidence)' +
    // CrmCollab's handoffs only (they carry a handoff key): a plain task pointed at the deal is not one.
    `&$filter=_crmc_opportunityid_value eq ${deal} and crmc_handoffkey ne null&$orderby=scheduledend asc`,
  signals: (account: string) =>
    '?$select=crmc_fieldsignalid,crmc_name,crmc_kind,crmc_description,crmc_acknowledgedon,createdon,_crmc_raisedby_value' +
    `&$filter=_crmc_accountid_value eq ${account} and statecode eq 0&$orderby=createdon desc&$top=${SignalsShown + 1}`,
};

type Row = Record<string, any>;

/** The rows of a list, or null when the user's roles do not allow the read (Dataverse's privilege or access-check fault). */
async function rowsOrHidden(read: PromiseLike<{ entities: Row[] }>): Promise<Row[] | null> {
  try {
    return (await read).entities;
  } catch (error) {
    if (isAccessDenied(error)) return null;
    throw error;
  }
}

export async function loadPanel(api: PanelWebApi, opportunityId: string, now: Date): Promise<PanelModel> {
  const id = bareId(opportunityId);
  const [deal, reviews, handoffs] = await Promise.all([
    api.retrieveRecord('opportunity', id, Queries.deal),
    rowsOrHidden(api.retrieveMultipleRecords('crmc_feasibilityreview', Queries.reviews(id))),
    rowsOrHidden(api.retrieveMultipleRecords('task', Queries.handoffs(id))),
  ]);
  // The customer may be a contact; signals hang on the account.
  const customerIsAccount = deal['_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname'] === 'account';
  const accountId: string | undefined = deal._parentaccountid_value || (customerIsAccount ? deal._customerid_value : undefined);
  const accountName = deal._parentaccountid_value
    ? formatted(deal, '_parentaccountid_value')
    : customerIsAccount
      ? formatted(deal, '_customerid_value')
      : '';
  const signals = accountId ? await rowsOrHidden(api.retrieveMultipleRecords('crmc_fieldsignal', Queries.signals(bareId(accountId)))) : [];
  return {
    dealName: deal.name ?? '',
    accountName,
    // Won, or won once and reopened: its handoff tasks exist, so an empty list means none the user may see.
    wasWon: deal.statecode === OpportunityState.Won || (deal.crmc_wonon != null && deal.crmc_wonon !== ''),
    feasibility: toFeasibility(deal),
    reviews: reviews && reviews.map((r) => toReview(r, now)),
    handoffs: handoffs && handoffs.map(toHandoff),
    signals: signals && signals.slice(0, SignalsShown).map(toSignal),
    moreSignals: signals != null && signals.length > SignalsShown,
  };
}
