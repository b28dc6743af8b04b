using System;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit.Sdk;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// Someone makes a feasibility review by hand for a deal already there (the grid, an import, an integration), through
    /// every create channel: the deal's rep, a reviewer, an administrator, Dataverse's System Administrator; mostly pending,
    /// sometimes already decided, made for another person, or on a deal that is won or lost. A review made decided, or on a
    /// closed deal, is never accepted (nobody decided it, or nobody could); an accepted one is held to every invariant.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private FuzzAction HandMadeReview()
        {
            Guid deal = Pick(_deals);
            var function = Pick(new[] { BusinessFunction.Logistics, BusinessFunction.Finance });
            var decision = _random.Next(4) == 0 ? Pick(new[] { ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected }) : ReviewDecision.Pending;
            var review = new Entity("crmc_feasibilityreview")
            {
                ["crmc_name"] = "Review by hand", ["crmc_opportunityid"] = new EntityReference("opportunity", deal),
                ["crmc_function"] = new OptionSetValue((int)function), ["crmc_decision"] = new OptionSetValue((int)decision),
            };
            if (_random.Next(3) == 0) review["ownerid"] = new EntityReference("systemuser", Pick(_reviewers));
            Guid who = Pick(new[] { OwnerOf(deal), OwnerOf(deal), Pick(_reviewers), Org.Admin, _sysadmin, _manager });
            int channel = _random.Next(FuzzChannel.CreateNames.Length);
            Guid id = NewId();
            return new FuzzAction($"{who} makes a {decision} {function} review of {deal} by hand by {FuzzChannel.CreateNames[channel]}", () =>
            {
                int state = State(deal);
                FuzzChannel.Create(Org.As(who), review, channel, id);
                if (decision != ReviewDecision.Pending)
                    throw new XunitException($"a {function} review made {decision} by hand was accepted for deal {deal}: nobody decided it");
                if (state != 0)
                    throw new XunitException($"a {function} review made by hand was accepted for deal {deal}, which is {(state == 1 ? "won" : "lost")}: nobody could decide it");
            });
        }
    }
}
