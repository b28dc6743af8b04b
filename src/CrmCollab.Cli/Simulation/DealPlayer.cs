using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Report;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// Plays one opportunity through its life as people would, alongside every other deal in flight: the rep qualifies
    /// and develops it (sometimes from a lead the field raised), reviewers decide at their own pace, terms change and
    /// re-open reviews, the gate refuses until reviews are approved (the rep retries, reworks or gives up), the deal is
    /// won or lost; downstream owners then take over.
    /// </summary>
    public sealed class DealPlayer
    {
        private readonly SimulatedOrganization _org;
        private readonly Random _random;
        private readonly Outcomes _outcomes;
        private readonly DataverseEngine _engine;
        private readonly ReviewPlayer _reviews;
        private readonly HandoffPlayer _handoffs;

        public DealPlayer(SimulatedOrganization org)
        {
            _org = org;
            _random = org.Random;
            _outcomes = org.Outcomes;
            _engine = org.Engine;
            _reviews = new ReviewPlayer(org);
            _handoffs = new HandoffPlayer(org);
        }

        public IEnumerable<TimeSpan> Play(int number)
        {
            Guid account = _org.Accounts[_random.Next(_org.Accounts.Count)];
            Guid? lead = null;
            if (_org.Leads.Count > 0 && _random.NextDouble() < 0.5) (lead, account) = _org.Leads.Dequeue();
            Guid rep = _org.AccountOwner[account];
            IOrganizationService sales = _engine.CreateService(rep);
            Guid id = sales.Create(NewDeal(number, account, lead));
            _outcomes.Count(lead.HasValue ? "Deals created from a field lead" : "Deals created");
            yield return _org.Wait(1, 48);

            if (!_outcomes.Try(() => Move(sales, id, SalesStage.Develop)))
            {
                sales.Update(new Entity("opportunity", id) { ["customerneed"] = "Needs a line that ships 20% more" });
                Move(sales, id, SalesStage.Develop);
            }
            _reviews.StartPending(id, rep);
            if (_random.NextDouble() < 0.15)
            {
                yield return _org.Wait(2, 24);
                // The customer negotiates: a material change re-opens the reviews it concerns.
                sales.Update(new Entity("opportunity", id) { ["crmc_discountpercent"] = (decimal)_random.Next(10, 30) });
                _outcomes.Count("Material changes");
                _reviews.StartPending(id, rep);
            }
            yield return _org.Wait(4, 48);
            for (int attempt = 1; !_outcomes.Try(() => Move(sales, id, SalesStage.Propose)); attempt++)
            {
                bool rejected = Blocked(id, attempt);
                if ((rejected && (_random.NextDouble() < 0.5 || attempt >= 3)) || attempt >= 5)
                {
                    Lose(sales, id);
                    yield break;
                }
                if (rejected)
                {
                    // The rep reworks the offer (terms no draw above ever gives, so every reviewed term really changes).
                    sales.Update(new Entity("opportunity", id) { ["crmc_discountpercent"] = 4.5m, ["crmc_requesteddelivery"] = _engine.Clock.UtcNow.Date.AddDays(150) });
                    _reviews.StartPending(id, rep, approveAll: true);
                }
                yield return _org.Wait(24, 72);
            }
            _org.Log.EndBlock(id, _engine.Clock.UtcNow, "passed");
            yield return _org.Wait(24, 240);
            Move(sales, id, SalesStage.Close);
            if (_random.NextDouble() < 0.3)
            {
                Lose(sales, id);
                yield break;
            }
            ActionCost win = _org.Meter.Measure(ActionMeter.Win, () => sales.Execute(new WinOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id), ["subject"] = "Won" },
                Status = new OptionSetValue(3),
            }), drainAsync: true);
            _outcomes.Count("Deals won");
            win.HandoffTasks = _handoffs.Start(id, rep);
        }

        private Entity NewDeal(int number, Guid account, Guid? lead)
        {
            decimal amount = Math.Round((decimal)Math.Exp(8.5 + _random.NextDouble() * 4.5), 0); // ~5k to ~450k
            var deal = new Entity("opportunity")
            {
                ["name"] = $"Deal {number:000000}",
                ["customerid"] = new EntityReference("account", account),
                ["estimatedvalue"] = new Money(amount),
                ["crmc_discountpercent"] = (decimal)_random.Next(0, 26),
                ["crmc_iscustomsolution"] = _random.NextDouble() < 0.35,
                ["crmc_requesteddelivery"] = _engine.Clock.UtcNow.Date.AddDays(_random.Next(20, 120)),
                ["crmc_paymentterms"] = new OptionSetValue(100000000 + _random.Next(0, 5)),
                ["salesstage"] = new OptionSetValue(SalesStage.Qualify),
                ["decisionmaker"] = true,
                ["estimatedclosedate"] = _engine.Clock.UtcNow.Date.AddDays(_random.Next(30, 90)),
                ["budgetamount"] = new Money(amount),
            };
            if (lead.HasValue) deal["originatingleadid"] = new EntityReference("lead", lead.Value);
            if (_random.NextDouble() >= 0.05) deal["customerneed"] = "Needs a line that ships 20% more"; // some forget it
            return deal;
        }

        /// <summary>Logs the refused gate move (the first opens a block, naming the reviews not approved); true when one was rejected.</summary>
        private bool Blocked(Guid dealId, int attempt)
        {
            var query = new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet("ownerid", "crmc_function", "crmc_decision") };
            query.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, dealId);
            query.Criteria.AddCondition("crmc_decision", ConditionOperator.In, (int)ReviewDecision.Pending, (int)ReviewDecision.Rejected);
            query.AddOrder("createdon", OrderType.Ascending); // the blockers in the order they were asked, whatever their ids
            var open = _engine.SystemService.RetrieveMultiple(query).Entities;
            if (!_org.Log.OpenBlocks.TryGetValue(dealId, out GateBlock block))
            {
                block = new GateBlock { DealId = dealId, StartedOn = _engine.Clock.UtcNow };
                foreach (Entity review in open)
                {
                    EntityReference owner = review.GetAttributeValue<EntityReference>("ownerid");
                    block.Blockers.Add(new GateBlocker
                    {
                        Function = (Plugins.Domain.Routing.BusinessFunction)review.GetAttributeValue<OptionSetValue>("crmc_function").Value,
                        ReviewerId = owner?.Id, // a user, or the team (a desk) that holds it
                        Decision = (ReviewDecision)review.GetAttributeValue<OptionSetValue>("crmc_decision").Value,
                    });
                }
                _org.Log.OpenBlocks[dealId] = block;
                _org.Log.Blocks.Add(block);
            }
            block.Attempts = attempt;
            return open.Any(r => r.GetAttributeValue<OptionSetValue>("crmc_decision").Value == (int)ReviewDecision.Rejected);
        }

        private void Move(IOrganizationService sales, Guid id, int stage) =>
            _org.Meter.Measure(stage == SalesStage.Develop ? ActionMeter.IntoDevelop : stage == SalesStage.Propose ? ActionMeter.ThroughGate : ActionMeter.IntoClose, () => sales.Update(new Entity("opportunity", id) { ["salesstage"] = new OptionSetValue(stage) }));

        private void Lose(IOrganizationService sales, Guid id)
        {
            sales.Execute(new LoseOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id), ["subject"] = "Lost" },
                Status = new OptionSetValue(4),
            });
            _org.Log.EndBlock(id, _engine.Clock.UtcNow, "lost");
            _outcomes.Count("Deals lost");
        }
    }
}
