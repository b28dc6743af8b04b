using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// Decisions are made by the right people and stamped by the server: only the review's owner (or a member of
    /// its owning team) or a CrmCollab Administrator decides, never the deal's owner; conditions and reasons are
    /// required; decidedon/decidedby/fingerprint are set here whatever the client sent. Each decision refreshes the
    /// deal's feasibility status and summary.
    /// </summary>
    public sealed class ReviewDecisionGuard : PluginBase
    {
        public const string PreImage = "PreImage", PostImage = "PostImage";

        public ReviewDecisionGuard(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", FeasibilityReviewRow.Table, OnCreate);
            Register(PipelineStage.PreOperation, "Update", FeasibilityReviewRow.Table, OnDecide);
            Register(PipelineStage.PostOperation, "Update", FeasibilityReviewRow.Table, OnDecided);
        }

        private static void OnCreate(LocalPluginContext context)
        {
            int? decision = context.TargetEntity.Choice(FeasibilityReviewRow.Decision);
            if (decision.HasValue && decision != (int)ReviewDecision.Pending)
                throw new InvalidPluginExecutionException("A feasibility review starts Pending; its reviewer decides it afterwards.");
        }

        private static void OnDecide(LocalPluginContext context)
        {
            Entity target = context.TargetEntity;
            Entity before = context.PreImage(PreImage) ?? new Entity(FeasibilityReviewRow.Table);
            if (!target.Contains(FeasibilityReviewRow.Decision))
            {
                if (target.Contains(FeasibilityReviewRow.DecidedOn) || target.Contains(FeasibilityReviewRow.DecidedBy))
                    throw new InvalidPluginExecutionException("'Decided on' and 'Decided by' are recorded by CrmCollab when the reviewer decides.");
                if (target.Contains(FeasibilityReviewRow.Conditions) || target.Contains(FeasibilityReviewRow.RejectionReason))
                    KeepsWhatTheDecisionNeeds(before, target);
                return;
            }
            var current = (ReviewDecision)(before.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending);
            var proposed = (ReviewDecision)(target.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending);
            bool serverMove = proposed == ReviewDecision.Invalidated || proposed == ReviewDecision.Withdrawn;
            if (serverMove && IsCrmCollabInvalidation(context)) return;
            Entity after = Values.Merge(before, target);
            string problem = ReviewDecisionRules.Check(current, proposed, after.GetAttributeValue<string>(FeasibilityReviewRow.Conditions),
                after.GetAttributeValue<string>(FeasibilityReviewRow.RejectionReason));
            if (problem != null) throw new InvalidPluginExecutionException(problem);

            IOrganizationService service = context.SystemService;
            Guid decider = context.ExecutionContext.InitiatingUserId;
            Guid dealId = before.RefId(FeasibilityReviewRow.OpportunityId) ?? Guid.Empty;
            Entity deal = service.Retrieve(Opportunity.Table, dealId, new ColumnSet(Opportunity.OwnerId));
            EntityReference reviewOwner = before.GetAttributeValue<EntityReference>(FeasibilityReviewRow.OwnerId);
            problem = ReviewDecisionRules.CheckDecider(decider, deal.RefId(Opportunity.OwnerId) ?? Guid.Empty, reviewOwner?.Id ?? Guid.Empty,
                reviewOwner?.LogicalName == Team.Table ? TeamMembers(service, reviewOwner.Id) : null, Principals.HasRole(service, decider, Membership.AdministratorRole));
            if (problem != null) throw new InvalidPluginExecutionException(problem);

            target[FeasibilityReviewRow.DecidedOn] = context.Now;
            target[FeasibilityReviewRow.DecidedBy] = new EntityReference(SystemUser.Table, decider);
            if (proposed == ReviewDecision.Pending) return;
            var relevant = Domain.CommaList.Parse(before.GetAttributeValue<string>(FeasibilityReviewRow.RelevantColumns));
            var columns = relevant.Where(c => c != FeasibilityRuleValidator.ProductsToken).ToArray();
            Entity terms = columns.Length == 0 ? deal : service.Retrieve(Opportunity.Table, dealId, new ColumnSet(columns));
            target[FeasibilityReviewRow.TermsFingerprint] = TermsFingerprint.Of(relevant,
                relevant.ToDictionary(c => c, c => MaterialChange.Text(terms, c)));
        }

        /// <summary>
        /// Editing the conditions or the reason afterwards must not leave an "Approved with conditions" without
        /// conditions, nor a rejection without its reason (the gate and the deal's summary show them to the rep).
        /// </summary>
        private static void KeepsWhatTheDecisionNeeds(Entity before, Entity target)
        {
            var decision = (ReviewDecision)(before.Choice(FeasibilityReviewRow.Decision) ?? (int)ReviewDecision.Pending);
            if (decision == ReviewDecision.Pending) return;
            Entity after = Values.Merge(before, target);
            string problem = ReviewDecisionRules.Check(decision, decision, after.GetAttributeValue<string>(FeasibilityReviewRow.Conditions),
                after.GetAttributeValue<string>(FeasibilityReviewRow.RejectionReason));
            if (problem != null) throw new InvalidPluginExecutionException(problem);
        }

        private static void OnDecided(LocalPluginContext context)
        {
            Entity review = context.PostImage(PostImage);
            Guid? dealId = review?.RefId(FeasibilityReviewRow.OpportunityId);
            if (dealId == null) return;
            var repository = new FeasibilityRepository(context.SystemService);
            Entity deal = context.SystemService.Retrieve(Opportunity.Table, dealId.Value,
                new ColumnSet(Opportunity.FeasibilityStatus, Opportunity.FeasibilitySummary));
            GateVerdict verdict = FeasibilityGate.Evaluate(repository.Reviews(dealId.Value).Select(FeasibilityRepository.ToState));
            repository.SaveStatus(dealId.Value, verdict, deal.Choice(Opportunity.FeasibilityStatus), deal.GetAttributeValue<string>(Opportunity.FeasibilitySummary));
        }

        /// <summary>
        /// CrmCollab invalidates and withdraws reviews from the deal's own change (its operation, a product line's, or a
        /// process-flow move is the parent, built by the platform); users never do.
        /// </summary>
        private static bool IsCrmCollabInvalidation(LocalPluginContext context)
        {
            IPluginExecutionContext parent = context.ExecutionContext.ParentContext;
            if (parent == null) return false;
            if (parent.PrimaryEntityName == Opportunity.Table || parent.PrimaryEntityName == OpportunityProduct.Table) return true;
            return parent.InputParameters.TryGetValue("Target", out object target) && target is Entity moved && moved.Contains(ProcessFlow.ActiveStageId);
        }

        private static Guid[] TeamMembers(IOrganizationService service, Guid teamId)
        {
            var query = new QueryExpression(Membership.TeamMembers) { ColumnSet = new ColumnSet(Membership.UserId) };
            query.Criteria.AddCondition(Membership.TeamId, ConditionOperator.Equal, teamId);
            return service.RetrieveMultiple(query).Entities.Select(m => m.GetAttributeValue<Guid>(Membership.UserId)).ToArray();
        }
    }
}
