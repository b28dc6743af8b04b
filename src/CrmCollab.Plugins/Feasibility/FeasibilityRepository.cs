using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>Reads and writes feasibility rules, reviews and the deal's feasibility status (SDK ⇄ domain).</summary>
    public sealed class FeasibilityRepository
    {
        /// <summary>The deal columns rules and the gate read; callers put them in their images.</summary>
        public static readonly string[] DealColumns =
        {
            Opportunity.Name, Opportunity.CustomerId, Opportunity.ParentAccountId, Opportunity.EstimatedValue,
            Opportunity.DiscountPercent, Opportunity.RequestedDelivery, Opportunity.IsCustomSolution, Opportunity.SalesStage,
            Opportunity.StepName, Opportunity.StateCode, Opportunity.OwnerId, Opportunity.FeasibilityStatus, Opportunity.FeasibilitySummary,
            Opportunity.TransactionCurrencyId, Opportunity.OwnerHistory,
        };

        private readonly IOrganizationService _service;
        private readonly PipelineReads _pipeline;

        /// <param name="shared">The step's SharedVariables, to reuse the rules and industry an earlier step of the same
        /// message read (see <see cref="PipelineReads"/>); null reads every time.</param>
        public FeasibilityRepository(IOrganizationService service, ParameterCollection shared = null)
        {
            _service = service;
            _pipeline = new PipelineReads(shared);
        }

        /// <summary>
        /// The active rules that can apply to a deal with these facts (<see cref="FeasibilityRuleRows.ActiveQuery"/>): the
        /// server leaves out those whose amount (in the base currency), custom-solution or discount criterion the deal
        /// misses, so a small standard deal reads few rows or none. Industry, lead time and a minimum in a currency are not
        /// filtered there (the industry is read only when a rule needs it); <see cref="FeasibilityRule.Applies"/> decides.
        /// </summary>
        public IReadOnlyList<FeasibilityRule> ActiveRulesFor(DealFacts deal)
        {
            string key = PipelineReads.RulesKey(deal.Amount, deal.IsCustomSolution, deal.DiscountPercent);
            EntityCollection rows = _pipeline.Rules(key);
            if (rows == null)
            {
                rows = _service.RetrieveMultiple(FeasibilityRuleRows.ActiveQuery(deal));
                _pipeline.KeepRules(key, rows);
            }
            var rules = new List<FeasibilityRule>(rows.Entities.Count);
            foreach (Entity row in rows.Entities) rules.Add(Rule(row));
            return rules;
        }

        /// <summary>The deal as rules and the gate read it (<see cref="DealColumns"/>): one Retrieve.</summary>
        public Entity Deal(Guid dealId) => _service.Retrieve(Opportunity.Table, dealId, new ColumnSet(DealColumns));

        /// <summary>
        /// As <see cref="Deal"/>, or null when no deal has that id (one deleted since an import file named it): a query, since
        /// a failed Retrieve would end the transaction it runs in.
        /// </summary>
        public Entity DealIfAny(Guid dealId)
        {
            var query = new QueryExpression(Opportunity.Table) { ColumnSet = new ColumnSet(DealColumns), TopCount = 1 };
            query.Criteria.AddCondition(Opportunity.Id, ConditionOperator.Equal, dealId);
            return _service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        /// <summary>
        /// What CrmCollab records on a review created by hand (<see cref="HandMadeReview"/>) on <paramref name="deal"/>
        /// (read by <see cref="Deal"/>): the active rules of the review's function (one query), the account's industry only
        /// when one of them looks at it.
        /// </summary>
        public ReviewBasis HandMadeBasis(Entity deal, BusinessFunction function, DateTime now)
        {
            var query = new QueryExpression(FeasibilityRuleRow.Table) { ColumnSet = FeasibilityRuleRows.Columns() };
            query.Criteria.AddCondition(FeasibilityRuleRow.Function, ConditionOperator.Equal, (int)function);
            InForce.Only(query, FeasibilityRuleRow.IsActive);
            var rules = new List<FeasibilityRule>();
            foreach (Entity row in _service.RetrieveMultiple(query).Entities) rules.Add(Rule(row));
            DealFacts facts = Facts(deal, IndustryOf(Routing.HandoffCreation.AccountOf(deal), rules));
            return HandMadeReview.Record(function, facts, rules, now);
        }

        /// <summary>A rule as read, its minimum weighed at its currency's rate of the day (<see cref="FeasibilityRuleRows.ToRule"/>):
        /// one Retrieve of the rate, none when this message read it already.</summary>
        public FeasibilityRule Rule(Entity row) =>
            FeasibilityRuleRows.ToRule(row, RateOf(row.RefId(FeasibilityRuleRow.TransactionCurrencyId)));

        /// <summary>Every review of the deal (history included), oldest first: one query.</summary>
        public List<Entity> Reviews(Guid opportunityId)
        {
            var query = new QueryExpression(FeasibilityReviewRow.Table)
            {
                ColumnSet = new ColumnSet(FeasibilityReviewRow.Function, FeasibilityReviewRow.Decision, FeasibilityReviewRow.Conditions,
                    FeasibilityReviewRow.RejectionReason, FeasibilityReviewRow.DueDate, FeasibilityReviewRow.OwnerId,
                    FeasibilityReviewRow.GateStage, FeasibilityReviewRow.RelevantColumns, FeasibilityReviewRow.TermsFingerprint,
                    FeasibilityReviewRow.CreatedOn, FeasibilityReviewRow.SupersededBy, FeasibilityReviewRow.Name, FeasibilityReviewRow.DecidedBy,
                    FeasibilityReviewRow.DealOwnerAtRequest),
            };
            query.Criteria.AddCondition(FeasibilityReviewRow.OpportunityId, ConditionOperator.Equal, opportunityId);
            query.AddOrder(FeasibilityReviewRow.CreatedOn, OrderType.Ascending);
            return _service.RetrieveMultiple(query).Entities.ToList();
        }

        /// <summary>A review as the material-change rule sees it (read by <see cref="Reviews"/>).</summary>
        public static WatchedReview ToWatched(Entity review) => new WatchedReview
        {
            Id = review.Id,
            State = ToState(review),
            RelevantColumns = CommaList.Parse(review.Read<string>(FeasibilityReviewRow.RelevantColumns)),
            Fingerprint = review.Read<string>(FeasibilityReviewRow.TermsFingerprint),
        };

        public static ReviewState ToState(Entity review) => new ReviewState
        {
            Id = review.Id,
            Function = (BusinessFunction)(review.Choice(FeasibilityReviewRow.Function) ?? 0),
            Decision = (ReviewDecision)(review.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending),
            Conditions = review.Read<string>(FeasibilityReviewRow.Conditions),
            RejectionReason = review.Read<string>(FeasibilityReviewRow.RejectionReason),
            DueDate = review.Read<DateTime?>(FeasibilityReviewRow.DueDate),
            ReviewerName = review.Read<EntityReference>(FeasibilityReviewRow.OwnerId)?.Name,
            CreatedOn = review.Read<DateTime?>(FeasibilityReviewRow.CreatedOn) ?? DateTime.MinValue,
            Superseded = review.RefId(FeasibilityReviewRow.SupersededBy) != null,
            DecidedBy = review.RefId(FeasibilityReviewRow.DecidedBy),
            DealOwnerAtRequest = review.RefId(FeasibilityReviewRow.DealOwnerAtRequest),
        };

        /// <summary>
        /// Who owns <paramref name="deal"/> (its ownerid read) as its review is asked, recorded on the review
        /// (<see cref="FeasibilityReviewRow.DealOwnerAtRequest"/>) so they never decide it, even once the deal is someone
        /// else's (<see cref="ReviewDecisionRules.CheckDecider"/>). A user only: null for a team-owned deal.
        /// </summary>
        public static EntityReference OwnerAtRequest(Entity deal)
        {
            EntityReference owner = deal.Read<EntityReference>(Opportunity.OwnerId);
            return owner?.LogicalName == SystemUser.Table ? new EntityReference(SystemUser.Table, owner.Id) : null;
        }

        /// <summary>The deal's facts as rules read them, its amount in the base currency (<see cref="BaseAmount"/>): a
        /// deal in another currency reads that currency's rate (one Retrieve, none when an earlier step of the message
        /// read it).</summary>
        public DealFacts Facts(Entity deal, int? industryCode = null) => new DealFacts
        {
            Amount = BaseAmount.Of(deal.MoneyValue(Opportunity.EstimatedValue), RateOf(deal.RefId(Opportunity.TransactionCurrencyId))),
            IsCustomSolution = deal.Flag(Opportunity.IsCustomSolution),
            DiscountPercent = deal.Read<decimal?>(Opportunity.DiscountPercent),
            RequestedDelivery = deal.Read<DateTime?>(Opportunity.RequestedDelivery),
            IndustryCode = industryCode,
        };

        private decimal? RateOf(Guid? currencyId)
        {
            if (currencyId == null) return null;
            decimal? rate = _pipeline.Rate(currencyId.Value);
            if (rate != null) return rate;
            rate = _service.Retrieve(TransactionCurrency.Table, currencyId.Value, new ColumnSet(TransactionCurrency.ExchangeRate))
                .Read<decimal?>(TransactionCurrency.ExchangeRate);
            _pipeline.KeepRate(currencyId.Value, rate);
            return rate;
        }

        /// <summary>The account's industry, read only when some rule looks at it (one Retrieve, else none; none when an earlier step of the message read it).</summary>
        public int? IndustryOf(Guid? accountId, IReadOnlyList<FeasibilityRule> rules)
        {
            if (accountId == null || !AnyLooksAtIndustry(rules)) return null;
            if (_pipeline.TryIndustry(accountId.Value, out int? kept)) return kept;
            int? industry = _service.Retrieve(Account.Table, accountId.Value, new ColumnSet(Account.IndustryCode)).Choice(Account.IndustryCode);
            _pipeline.KeepIndustry(accountId.Value, industry);
            return industry;
        }

        private static bool AnyLooksAtIndustry(IReadOnlyList<FeasibilityRule> rules)
        {
            foreach (FeasibilityRule rule in rules) if (rule.IndustryCode.HasValue) return true;
            return false;
        }

        /// <summary>Creates a Pending review routed like handoffs are (the function's dedicated owner, rules, fallback).</summary>
        /// <returns>The new review as a read of it would return it (function, decision, due date, creation, owner with the
        /// name routing knows), so the deal's status can name who is awaited at once.</returns>
        public Entity CreateReview(Entity deal, RequiredReview required, OwnerResolution routing, DateTime now)
        {
            var review = new Entity(FeasibilityReviewRow.Table)
            {
                [FeasibilityReviewRow.Name] = Values.Shorten($"{required.Function.Label()} review – {deal.Read<string>(Opportunity.Name)}", 200),
                [FeasibilityReviewRow.OpportunityId] = deal.ToEntityReference(),
                [FeasibilityReviewRow.Function] = new OptionSetValue((int)required.Function),
                [FeasibilityReviewRow.Decision] = new OptionSetValue((int)ReviewDecision.Pending),
                [FeasibilityReviewRow.DueDate] = now.AddHours(required.SlaHours),
                [FeasibilityReviewRow.GateStage] = new OptionSetValue(required.GateStage),
                [FeasibilityReviewRow.RelevantColumns] = Values.Shorten(string.Join(",", required.RelevantColumns), 1000),
                [FeasibilityReviewRow.RoutingPath] = Values.Shorten(routing.RoutingPath, 2000),
                [FeasibilityReviewRow.DealOwnerAtRequest] = OwnerAtRequest(deal),
            };
            // Unrouted because the person its routing names is disabled: held so, their return brings it to them (DisabledOwnerHandover).
            if (Routing.RoutingApplication.HoldOf(routing) is RoutingHold hold) review[FeasibilityReviewRow.RoutingHold] = new OptionSetValue((int)hold);
            var application = new Routing.RoutingApplication(_service);
            EntityReference owner = application.OwnerFor(routing, null);
            if (owner != null) review[FeasibilityReviewRow.OwnerId] = owner;
            review.Id = _service.Create(review);
            application.Enqueue(review.ToEntityReference(), routing, (string)review[FeasibilityReviewRow.Name]);
            if (owner != null && owner.Name == null && routing.Owner?.Id == owner.Id) owner.Name = routing.Owner.Name;
            review[FeasibilityReviewRow.CreatedOn] = now;
            return review;
        }

        /// <summary>Withdraws a pending review the deal no longer needs: history with its reason, never blocking.</summary>
        /// <summary>A decided review the deal's change re-opens: kept as Invalidated history, a new one is asked.</summary>
        public void Invalidate(Guid reviewId) =>
            _service.Update(new Entity(FeasibilityReviewRow.Table, reviewId)
            {
                [FeasibilityReviewRow.Decision] = new OptionSetValue((int)ReviewDecision.Invalidated),
            });

        /// <summary>A pending review comes to watch what its function's rules now watch, before it is decided.</summary>
        public void Widen(Guid reviewId, IReadOnlyList<string> relevantColumns) =>
            _service.Update(new Entity(FeasibilityReviewRow.Table, reviewId)
            {
                [FeasibilityReviewRow.RelevantColumns] = Values.Shorten(string.Join(",", relevantColumns), 1000),
            });

        /// <summary>A decided review is replaced by the new review of its function (kept as history).</summary>
        public void Supersede(Guid reviewId, Guid newReviewId) =>
            _service.Update(new Entity(FeasibilityReviewRow.Table, reviewId)
            {
                [FeasibilityReviewRow.SupersededBy] = new EntityReference(FeasibilityReviewRow.Table, newReviewId),
            });

        public void Withdraw(Guid reviewId, string reason)
        {
            _service.Update(new Entity(FeasibilityReviewRow.Table, reviewId)
            {
                [FeasibilityReviewRow.Decision] = new OptionSetValue((int)ReviewDecision.Withdrawn),
                [FeasibilityReviewRow.WithdrawalReason] = Values.Shorten(reason, 2000),
            });
        }

        /// <summary>Writes the verdict on the deal, only when it changed (no needless Update pipelines).</summary>
        public void SaveStatus(Guid opportunityId, GateVerdict verdict, int? currentStatus, string currentSummary)
        {
            string summary = Values.Shorten(verdict.Summary, 4000);
            if (currentStatus == (int)verdict.Status && currentSummary == summary) return;
            _service.Update(new Entity(Opportunity.Table, opportunityId)
            {
                [Opportunity.FeasibilityStatus] = new OptionSetValue((int)verdict.Status),
                [Opportunity.FeasibilitySummary] = summary,
                [Opportunity.FeasibilityDetail] = Values.Shorten(verdict.Detail, 10000),
            });
        }
    }
}
