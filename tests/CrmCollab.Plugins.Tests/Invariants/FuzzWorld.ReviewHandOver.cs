using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit.Sdk;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// A review passed on — by Assign or by saving its owner, through every channel — by its holder, another reviewer, the
    /// administrator or the sales manager, to a colleague of its function, a reviewer of another function, a salesperson or
    /// someone downstream; mostly pending ones, sometimes decided. A decided review passed on by anyone but a CrmCollab
    /// Administrator is never accepted (the scorecards count it for who decided it); an accepted hand-over is held to every
    /// invariant (the gate, the withdrawals, the reviews each stage needs).
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private FuzzAction PassReview()
        {
            var reviews = Org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityreview")
            {
                ColumnSet = new ColumnSet("ownerid", "crmc_function", "crmc_decision"),
            }).Entities;
            if (reviews.Count == 0) return Decide();
            var pending = reviews.Where(r => r.GetAttributeValue<OptionSetValue>("crmc_decision").Value == (int)ReviewDecision.Pending).ToList();
            Entity review = pending.Count > 0 && _random.Next(5) > 0 ? Pick(pending) : Pick(reviews);
            var function = (BusinessFunction)review.GetAttributeValue<OptionSetValue>("crmc_function").Value;
            var decision = (ReviewDecision)review.GetAttributeValue<OptionSetValue>("crmc_decision").Value;
            Guid[] colleagues = function == BusinessFunction.Logistics ? new[] { _reviewers[0], _reviewers[1] }
                : function == BusinessFunction.Finance ? new[] { _reviewers[2], _reviewers[3] } : _reviewers;
            int target = _random.Next(6);
            Guid to = target < 3 ? Pick(colleagues) : target == 3 ? Pick(_reviewers) : target == 4 ? Pick(_reps) : Pick(_downstream);
            int by = _random.Next(8);
            Guid who = by == 0 ? Org.Admin : by == 1 ? _manager : by == 2 ? Pick(_reviewers) : Person(review.GetAttributeValue<EntityReference>("ownerid"));
            bool byAdministrator = who == Org.Admin || who == _manager;
            var assignee = new EntityReference("systemuser", to);
            int channel = _random.Next(3) == 0 ? -1 : Channel();
            string how = channel < 0 ? "Assign" : FuzzChannel.Names[channel];
            return new FuzzAction($"{who} passes {decision} {function} review {review.Id} to {to} by {how}", () =>
            {
                if (channel < 0) Org.As(who).Execute(new AssignRequest { Target = review.ToEntityReference(), Assignee = assignee });
                else FuzzChannel.Update(Org.As(who), new Entity("crmc_feasibilityreview", review.Id) { ["ownerid"] = assignee }, channel);
                if (decision != ReviewDecision.Pending && !byAdministrator && review.GetAttributeValue<EntityReference>("ownerid").Id != to)
                    throw new XunitException($"{decision} {function} review {review.Id} was passed on to {to} by {who}, who is no CrmCollab Administrator");
            });
        }
    }
}
