using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// Plays one opportunity through its life as people would: the rep qualifies and develops it, reviewers decide
    /// (approve, add conditions, reject), terms change and re-open reviews, gates are hit and cleared, the deal is
    /// won or lost; downstream owners then accept, trace and close their handoffs.
    /// </summary>
    public sealed class DealPlayer
    {
        private readonly SimulatedOrganization _org;
        private readonly Random _random;
        private readonly Outcomes _outcomes;
        private readonly DataverseEngine _engine;
        private readonly HandoffPlayer _handoffs;

        public DealPlayer(SimulatedOrganization org, Outcomes outcomes)
        {
            _org = org;
            _random = org.Random;
            _outcomes = outcomes;
            _engine = org.Engine;
            _handoffs = new HandoffPlayer(org, outcomes);
        }

        public void Play(int number)
        {
            Guid account = _org.Accounts[_random.Next(_org.Accounts.Count)];
            Guid rep = _org.AccountOwner[account];
            IOrganizationService sales = _engine.CreateService(rep);
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
            bool forgetsTheNeed = _random.NextDouble() < 0.05;
            if (!forgetsTheNeed) deal["customerneed"] = "Needs a line that ships 20% more";
            Guid id = sales.Create(deal);
            _outcomes.Count("Deals created");
            _org.Later(1, 48);

            if (!_outcomes.Try(() => Move(sales, id, SalesStage.Develop)))
            {
                sales.Update(new Entity("opportunity", id) { ["customerneed"] = "Needs a line that ships 20% more" });
                Move(sales, id, SalesStage.Develop);
            }
            DecidePendingReviews(id, rep);
            if (_random.NextDouble() < 0.15)
            {
                // The customer negotiates: a material change re-opens the reviews it concerns.
                sales.Update(new Entity("opportunity", id) { ["crmc_discountpercent"] = (decimal)_random.Next(10, 30) });
                _outcomes.Count("Material changes");
                DecidePendingReviews(id, rep);
            }
            _org.Later(4, 72);
            if (!_outcomes.Try(() => Move(sales, id, SalesStage.Propose)))
            {
                if (_random.NextDouble() < 0.5) { Lose(sales, id); return; }
                // The rep reworks the offer (terms no draw above ever gives, so every reviewed term really changes).
                sales.Update(new Entity("opportunity", id) { ["crmc_discountpercent"] = 4.5m, ["crmc_requesteddelivery"] = _engine.Clock.UtcNow.Date.AddDays(150) });
                DecidePendingReviews(id, rep, approveAll: true);
                if (!_outcomes.Try(() => Move(sales, id, SalesStage.Propose))) { Lose(sales, id); return; }
            }
            _org.Later(24, 240);
            Move(sales, id, SalesStage.Close);
            if (_random.NextDouble() < 0.3) { Lose(sales, id); return; }
            sales.Execute(new WinOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id), ["subject"] = "Won" },
                Status = new OptionSetValue(3),
            });
            _outcomes.Count("Deals won");
            _engine.DrainAsync();
            _handoffs.Play(id, rep);
        }

        private void DecidePendingReviews(Guid dealId, Guid rep, bool approveAll = false)
        {
            var query = new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet("ownerid", "crmc_function") };
            query.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, dealId);
            query.Criteria.AddCondition("crmc_decision", ConditionOperator.Equal, (int)ReviewDecision.Pending);
            foreach (Entity review in _engine.SystemService.RetrieveMultiple(query).Entities)
            {
                _org.Later(1, 60);
                EntityReference owner = review.GetAttributeValue<EntityReference>("ownerid");
                Guid reviewer = owner != null && owner.LogicalName == "systemuser" && owner.Id != rep ? owner.Id : _org.Admin;
                double dice = approveAll ? 0 : _random.NextDouble();
                var decision = new Entity("crmc_feasibilityreview", review.Id);
                if (dice < 0.78) decision["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved);
                else if (dice < 0.9) { decision["crmc_decision"] = new OptionSetValue((int)ReviewDecision.ApprovedWithConditions); decision["crmc_conditions"] = "Deliver in two lots"; }
                else { decision["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Rejected); decision["crmc_rejectionreason"] = "Cannot deliver by the requested date"; }
                if (_outcomes.Try(() => _engine.CreateService(reviewer).Update(decision))) _outcomes.Count("Reviews decided");
            }
        }

        private static void Move(IOrganizationService sales, Guid id, int stage) =>
            sales.Update(new Entity("opportunity", id) { ["salesstage"] = new OptionSetValue(stage) });

        private void Lose(IOrganizationService sales, Guid id)
        {
            sales.Execute(new LoseOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", id), ["subject"] = "Lost" },
                Status = new OptionSetValue(4),
            });
            _outcomes.Count("Deals lost");
        }
    }
}
