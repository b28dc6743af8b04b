using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>The related rows a deal's Update carries (<see cref="DealUpdatedWithRelatedRows"/>): one or two changes of rows that belong to it.</summary>
    public sealed partial class FuzzWorld
    {
        /// <summary>An existing review, handoff, line, amendment or flow instance as a related row changing what CrmCollab owns or
        /// locks, moving the flow's stage, or moving the row to another deal; <paramref name="after"/> records what a change that
        /// goes through means for the ledgers.</summary>
        private string RelatedChange(Entity deal, Guid dealId, List<Action> after)
        {
            Guid other = Pick(_deals);
            switch (_random.Next(5))
            {
                case 4:
                    int kind = _random.Next(2);
                    Entity instance = RowOf(Rows(FlowTables[kind], "opportunityid"), dealId);
                    if (instance == null) return null;
                    var f = new Entity(FlowTables[kind], instance.Id) { ["activestageid"] = new EntityReference("processstage", FlowStages[kind][_random.Next(4)]) };
                    Relate(deal, FlowsOf[kind], f);
                    return $"flow {instance.Id} (activestageid)";
                case 0:
                    Entity review = RowOf(Rows("crmc_feasibilityreview", "crmc_opportunityid"), dealId);
                    if (review == null) return null;
                    var r = new Entity("crmc_feasibilityreview", review.Id);
                    switch (_random.Next(5))
                    {
                        case 0: r["crmc_decision"] = new OptionSetValue((int)Pick(new[] { ReviewDecision.Approved, ReviewDecision.Rejected, ReviewDecision.Pending })); break;
                        case 1: r["crmc_duedate"] = CrmCollabOrg.Start.AddDays(30); break;
                        case 2: r["crmc_termsfingerprint"] = "forged"; break;
                        case 3: r["crmc_opportunityid"] = new EntityReference("opportunity", other); break;
                        default: r["ownerid"] = new EntityReference("systemuser", Pick(_reviewers)); break;
                    }
                    Relate(deal, ReviewsOf, r);
                    return $"review {review.Id} ({string.Join(",", r.Attributes.Keys)})";
                case 1:
                    Entity task = RowOf(Rows("task", "crmc_opportunityid", "crmc_handoffkey", "crmc_requiredevidence").Where(t => t.Contains("crmc_handoffkey")).ToList(), dealId);
                    if (task == null) return null;
                    var h = new Entity("task", task.Id);
                    switch (_random.Next(7))
                    {
                        case 0: h["statecode"] = new OptionSetValue(1); h["statuscode"] = new OptionSetValue(5); break;
                        case 1: Evidence(h, (task.GetAttributeValue<string>("crmc_requiredevidence") ?? "").Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToArray(), true); break;
                        case 2: h["crmc_routingpath"] = "forged"; h["crmc_isunrouted"] = _random.Next(2) == 0; break;
                        case 3: h["crmc_requiredevidence"] = ""; break;
                        case 4: h["crmc_opportunityid"] = new EntityReference("opportunity", other); break;
                        case 5: h["crmc_agreedterms"] = "Discount: 40 %"; break;
                        default:
                            Guid to = Pick(_downstream.Concat(_reps).ToArray());
                            h["ownerid"] = new EntityReference("systemuser", to);
                            after.Add(() => _handoffsPassed[task.Id] = new KeyValuePair<Guid, string>(to,
                                Org.System.Retrieve("task", task.Id, new ColumnSet("crmc_routingpath")).GetAttributeValue<string>("crmc_routingpath")));
                            break;
                    }
                    Relate(deal, Pick(HandoffsOf), h);
                    return $"handoff {task.Id} ({string.Join(",", h.Attributes.Keys)})";
                case 2:
                    Entity line = RowOf(Rows("opportunityproduct", "opportunityid"), dealId);
                    if (line == null) return null;
                    var l = new Entity("opportunityproduct", line.Id);
                    if (_random.Next(2) == 0) l["quantity"] = (decimal)(1 + _random.Next(5));
                    else l["opportunityid"] = new EntityReference("opportunity", other);
                    Relate(deal, LinesOf, l);
                    return $"line {line.Id} ({string.Join(",", l.Attributes.Keys)})";
                default:
                    Entity amendment = RowOf(Rows("crmc_amendment", "crmc_opportunityid"), dealId);
                    if (amendment == null) return null;
                    var a = new Entity("crmc_amendment", amendment.Id);
                    if (_random.Next(3) == 0) a["crmc_opportunityid"] = new EntityReference("opportunity", other);
                    else a["crmc_state"] = new OptionSetValue((int)Pick(new[] { AmendmentState.Approved, AmendmentState.Applied, AmendmentState.Submitted }));
                    if (a.Contains("crmc_state") && ((OptionSetValue)a["crmc_state"]).Value == (int)AmendmentState.Approved)
                        after.Add(() =>
                        {
                            Guid amended = DealOf(Org.System.Retrieve("crmc_amendment", amendment.Id, new ColumnSet("crmc_opportunityid")));
                            _wonTerms.Amended(amended);
                            AppliedAsProposed(amendment.Id, amended);
                        });
                    Relate(deal, AmendmentsOf, a);
                    return $"amendment {amendment.Id} ({string.Join(",", a.Attributes.Keys)})";
            }
        }
    }
}
