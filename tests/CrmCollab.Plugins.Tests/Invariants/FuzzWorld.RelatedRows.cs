using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// Rows sent as related rows of another row's Create or Update (Entity.RelatedEntities: Microsoft's "Create related
    /// table rows in one operation" and "Update related table rows in one operation"), as an integration or a script
    /// does: a deal created with its reviews already decided, with forged handoffs, with product lines, an amendment or a
    /// flow standing past the gate; an account created with a deal; a deal or an account updated with related reviews,
    /// handoffs, lines, amendments or deals changing what CrmCollab owns or locks, or retargeting their lookup to
    /// another deal. Through the channels that carry related rows: the plain message, ExecuteMultiple, ExecuteTransaction.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private const string ReviewsOf = "crmc_opportunity_crmc_feasibilityreview_opportunityid", LinesOf = "product_opportunities",
            AmendmentsOf = "crmc_opportunity_crmc_amendment_opportunityid", DealsOf = "opportunity_customer_accounts";

        private static readonly string[] HandoffsOf = { "crmc_opportunity_task_opportunityid", "Opportunity_Tasks" };

        private static readonly string[] FlowsOf = { "lk_opportunitysalesprocess_opportunityid", "lk_leadtoopportunitysalesprocess_opportunityid" };

        /// <summary>Create (or Update), ExecuteMultiple, ExecuteTransaction: the channels whose message takes related rows.</summary>
        private int RelatedChannel() => Pick(new[] { 0, 2, 3 });

        private FuzzAction RelatedRows()
        {
            switch (_random.Next(7))
            {
                case 0: case 1: return DealCreatedWithRelatedRows();
                case 2: case 3: case 4: return DealUpdatedWithRelatedRows();
                case 5: return AccountUpdatedWithItsDeals();
                default: return AccountCreatedWithADeal();
            }
        }

        private static void Relate(Entity row, string relationship, params Entity[] related)
        {
            var key = new Relationship(relationship);
            if (row.RelatedEntities.Contains(key)) foreach (Entity r in related) row.RelatedEntities[key].Entities.Add(r);
            else row.RelatedEntities[key] = new EntityCollection(related.ToList());
        }

        private Entity NewDealRow(Guid account)
        {
            decimal amount = 20000m + 10000m * _random.Next(14);
            var deal = new Entity("opportunity")
            {
                ["name"] = "Deal " + _deals.Count, ["customerid"] = new EntityReference("account", account),
                ["estimatedvalue"] = new Money(amount), ["budgetamount"] = new Money(amount), ["crmc_iscustomsolution"] = _random.Next(3) > 0,
                ["crmc_discountpercent"] = (decimal)_random.Next(0, 20), ["customerneed"] = "Line retrofit", ["decisionmaker"] = true,
                ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(40), ["crmc_paymentterms"] = new OptionSetValue(100000000),
            };
            if (_random.Next(4) == 0) deal["salesstage"] = new OptionSetValue(_random.Next(4));
            return deal;
        }

        /// <summary>One to three kinds of related rows on a new deal: reviews, handoffs, lines, an amendment, a flow.</summary>
        private string AddNewRelatedRows(Entity deal)
        {
            var kinds = new List<string>();
            for (int i = _random.Next(1, 4); i > 0; i--)
            {
                switch (_random.Next(5))
                {
                    case 0:
                        Relate(deal, ReviewsOf, NewReview());
                        kinds.Add("review");
                        break;
                    case 1:
                        Relate(deal, Pick(HandoffsOf), NewHandoff());
                        kinds.Add("handoff");
                        break;
                    case 2:
                        Relate(deal, LinesOf, new Entity("opportunityproduct")
                        {
                            ["isproductoverridden"] = true, ["productdescription"] = "Extra spindle",
                            ["quantity"] = (decimal)(1 + _random.Next(5)), ["priceperunit"] = new Money(100m * (1 + _random.Next(20))),
                        });
                        kinds.Add("line");
                        break;
                    case 3:
                        Relate(deal, AmendmentsOf, new Entity("crmc_amendment")
                        {
                            ["crmc_name"] = "Terms change", ["crmc_reason"] = "Customer asked for it", ["crmc_newdiscountpercent"] = (decimal)_random.Next(0, 30),
                            ["crmc_state"] = new OptionSetValue((int)Pick(new[] { AmendmentState.Approved, AmendmentState.Applied, AmendmentState.Submitted })),
                        });
                        kinds.Add("amendment");
                        break;
                    default:
                        int flow = _random.Next(2);
                        Relate(deal, FlowsOf[flow], new Entity(FlowTables[flow])
                        {
                            ["name"] = "Sales flow", ["processid"] = new EntityReference("workflow", FlowProcesses[flow]),
                            ["activestageid"] = new EntityReference("processstage", FlowStages[flow][_random.Next(4)]),
                        });
                        kinds.Add("flow");
                        break;
                }
            }
            return string.Join("+", kinds);
        }

        /// <summary>A review sent with the new deal: mostly already decided, sometimes with what CrmCollab records.</summary>
        private Entity NewReview()
        {
            var review = new Entity("crmc_feasibilityreview")
            {
                ["crmc_name"] = "Review", ["crmc_function"] = new OptionSetValue((int)Pick(new[] { BusinessFunction.Logistics, BusinessFunction.Finance })),
                ["crmc_decision"] = new OptionSetValue((int)Pick(new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Pending, ReviewDecision.Rejected })),
            };
            switch (_random.Next(4))
            {
                case 0: review["crmc_termsfingerprint"] = "forged"; break;
                case 1: review["crmc_decidedon"] = CrmCollabOrg.Start; break;
                case 2: review["ownerid"] = new EntityReference("systemuser", Pick(_reviewers)); break;
            }
            return review;
        }

        /// <summary>A task sent with the new deal carrying what only CrmCollab's handoffs carry (a plain task now and then).</summary>
        private Entity NewHandoff()
        {
            var task = new Entity("task") { ["subject"] = "Draw up the contract" };
            if (_random.Next(5) == 0) return task;
            var templates = Org.System.RetrieveMultiple(new QueryExpression("crmc_handofftemplate") { ColumnSet = new ColumnSet(false) }).Entities;
            switch (_random.Next(5))
            {
                case 0: task["crmc_handoffkey"] = "adv-forged"; break;
                case 1: task["crmc_handofftemplateid"] = Pick(templates).ToEntityReference(); break;
                case 2: task["crmc_contractnumber"] = "EV-" + _random.Next(1000); break;
                case 3: task["crmc_agreedterms"] = "Discount: 40 %"; break;
                default: task["crmc_routingpath"] = "forged"; task["crmc_isunrouted"] = true; break;
            }
            if (_random.Next(3) == 0) task["crmc_function"] = new OptionSetValue((int)BusinessFunction.Adv);
            return task;
        }

        private FuzzAction DealCreatedWithRelatedRows()
        {
            Guid who = Pick(new[] { _manager, _manager, Pick(_reps), Pick(_reps), Org.Admin });
            Entity deal = NewDealRow(Pick(new[] { _account, _otherAccount }));
            string kinds = AddNewRelatedRows(deal);
            int channel = RelatedChannel();
            return new FuzzAction($"{who} creates a deal with {kinds} by {FuzzChannel.CreateNames[channel]}", () =>
                _deals.Add(FuzzChannel.Create(Org.As(who), deal, channel, Guid.Empty)));
        }

        private FuzzAction AccountCreatedWithADeal()
        {
            Guid who = Pick(new[] { Pick(_reps), _manager, Org.Admin });
            Entity deal = NewDealRow(Guid.Empty);
            deal.Attributes.Remove("customerid");
            deal.Id = NewId();
            if (_random.Next(3) == 0) deal["crmc_feasibilitystatus"] = new OptionSetValue((int)FeasibilityStatus.Cleared);
            string kinds = _random.Next(2) == 0 ? AddNewRelatedRows(deal) : "nothing";
            var account = new Entity("account") { ["name"] = "Northwind " + _random.Next(1000) };
            Relate(account, DealsOf, deal);
            int channel = RelatedChannel();
            return new FuzzAction($"{who} creates an account with deal {deal.Id} carrying {kinds} by {FuzzChannel.CreateNames[channel]}", () =>
            {
                FuzzChannel.Create(Org.As(who), account, channel, Guid.Empty);
                _deals.Add(deal.Id);
            });
        }

        private List<Entity> Rows(string table, params string[] columns) =>
            Org.System.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(columns) }).Entities.ToList();

        private Guid DealOf(Entity row) => row.GetAttributeValue<EntityReference>("crmc_opportunityid")?.Id ?? row.GetAttributeValue<EntityReference>("opportunityid")?.Id ?? Guid.Empty;

        /// <summary>Mostly a row of this deal; now and then one of another deal (the relationship does not link them).</summary>
        private Entity RowOf(List<Entity> rows, Guid deal)
        {
            var own = rows.Where(r => DealOf(r) == deal).ToList();
            return own.Count > 0 && _random.Next(4) > 0 ? Pick(own) : rows.Count > 0 ? Pick(rows) : null;
        }

        private FuzzAction DealUpdatedWithRelatedRows()
        {
            Guid deal = Pick(_deals);
            Guid who = Pick(new[] { OwnerOf(deal), OwnerOf(deal), OwnerOf(deal), _manager, Org.Admin, Pick(_reviewers), Pick(_downstream) });
            var change = new Entity("opportunity", deal);
            switch (_random.Next(5))
            {
                case 0: change["description"] = "Customer asked for a follow-up call"; break;
                case 1: foreach (var term in TermsChange(deal).Attributes) change[term.Key] = term.Value; break;
                case 2: change["salesstage"] = new OptionSetValue(_random.Next(4)); break;
                // Not a won deal: its move to another customer re-opens its reviews by design (see ChangeAccount).
                case 3: if (State(deal) != 1) change["customerid"] = Pick(Customers); break;
            }
            var after = new List<Action>();
            string related = RelatedChange(change, deal, after);
            if (related == null) return Move();
            // Now and then two kinds in one save (a flow's move with a line, say): the platform's order among them is not documented.
            if (_random.Next(3) == 0 && RelatedChange(change, deal, after) is string second) related += " and " + second;
            int channel = RelatedChannel();
            return new FuzzAction($"{who} updates {deal} ({string.Join(",", change.Attributes.Keys.Where(k => k != "opportunityid"))}) with {related} by {FuzzChannel.Names[channel]}", () =>
            {
                FuzzChannel.Update(Org.As(who), change, channel);
                foreach (Action done in after) done();
            });
        }

        /// <summary>An account updated with its deals as related rows: a won deal's terms, a deal cleared or moved on, or to the other customer.</summary>
        private FuzzAction AccountUpdatedWithItsDeals()
        {
            Guid account = Pick(new[] { _account, _otherAccount });
            Guid owner = Org.System.Retrieve("account", account, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;
            Guid who = Pick(new[] { owner, owner, _manager, Org.Admin, Pick(_reps) });
            var change = new Entity("account", account);
            if (_random.Next(2) == 0) change["description"] = "Key account";
            var won = _deals.Where(d => State(d) == 1).ToList();
            Guid deal = won.Count > 0 && _random.Next(2) == 0 ? Pick(won) : Pick(_deals);
            Entity related;
            switch (_random.Next(4))
            {
                case 0: related = TermsChange(deal); break;
                case 1: related = new Entity("opportunity", deal) { ["crmc_feasibilitystatus"] = new OptionSetValue((int)FeasibilityStatus.Cleared) }; break;
                case 2: related = new Entity("opportunity", deal) { ["salesstage"] = new OptionSetValue(_random.Next(4)) }; break;
                default:
                    // Not a won deal: its move to another customer re-opens its reviews by design (see ChangeAccount).
                    var notWon = _deals.Where(d => State(d) != 1).ToList();
                    if (notWon.Count == 0) return Move();
                    deal = Pick(notWon);
                    related = new Entity("opportunity", deal) { ["customerid"] = new EntityReference("account", account == _account ? _otherAccount : _account) };
                    break;
            }
            Relate(change, DealsOf, related);
            int channel = RelatedChannel();
            return new FuzzAction($"{who} updates account {account} with deal {deal} ({string.Join(",", related.Attributes.Keys)}) by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }
    }
}
