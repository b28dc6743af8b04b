using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Plugins.Domain.Feasibility;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Cli.Simulation
{
    /// <summary>
    /// Reviewers decide the reviews they are asked for at their own pace, one piece of work at a time: approve, add
    /// conditions or reject. A review a later change re-opened (superseded) is not decided again.
    /// </summary>
    public sealed class ReviewPlayer
    {
        private readonly SimulatedOrganization _org;
        private readonly DataverseEngine _engine;
        private readonly HashSet<Guid> _started = new HashSet<Guid>();

        public ReviewPlayer(SimulatedOrganization org)
        {
            _org = org;
            _engine = org.Engine;
        }

        /// <summary>Hands each pending review of the deal not yet handed out to its reviewer.</summary>
        public void StartPending(Guid dealId, Guid rep, bool approveAll = false)
        {
            var query = new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet("ownerid") };
            query.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, dealId);
            query.Criteria.AddCondition("crmc_decision", ConditionOperator.Equal, (int)ReviewDecision.Pending);
            query.AddOrder("createdon", OrderType.Ascending); // an order of its own: Dataverse promises none without one, and each review draws from the seed
            foreach (Entity review in _engine.SystemService.RetrieveMultiple(query).Entities)
            {
                if (!_started.Add(review.Id)) continue;
                EntityReference owner = review.GetAttributeValue<EntityReference>("ownerid");
                Guid reviewer = owner != null && owner.LogicalName == "systemuser" && owner.Id != rep ? owner.Id : _org.Admin;
                _org.Timeline.Start(Decide(review.Id, reviewer, approveAll), _org.Work(reviewer, 2, 12));
            }
        }

        private IEnumerable<TimeSpan> Decide(Guid reviewId, Guid reviewer, bool approveAll)
        {
            _started.Remove(reviewId);
            Entity review = _engine.SystemService.Retrieve("crmc_feasibilityreview", reviewId, new ColumnSet("crmc_decision"));
            if (review.GetAttributeValue<OptionSetValue>("crmc_decision")?.Value != (int)ReviewDecision.Pending) yield break;
            double dice = approveAll ? 0 : _org.Random.NextDouble();
            var decision = new Entity("crmc_feasibilityreview", reviewId);
            if (dice < 0.78) decision["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Approved);
            else if (dice < 0.9) { decision["crmc_decision"] = new OptionSetValue((int)ReviewDecision.ApprovedWithConditions); decision["crmc_conditions"] = "Deliver in two lots"; }
            else { decision["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Rejected); decision["crmc_rejectionreason"] = "Cannot deliver by the requested date"; }
            if (_org.Outcomes.Try(() => _org.Meter.Measure(ActionMeter.Decision, () => _engine.CreateService(reviewer).Update(decision))))
                _org.Outcomes.Count("Review decisions taken");
        }
    }
}
