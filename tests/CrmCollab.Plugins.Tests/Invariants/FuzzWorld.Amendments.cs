using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The one way a won deal's terms may change: an amendment raised by its salesperson (or by someone else, who is
    /// refused), submitted, and approved or rejected by the deal's finance reviewer, an administrator, its own author or
    /// another reviewer. An approval that goes through lets the ledger read the deal's terms afresh.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private FuzzAction RaiseAmendment()
        {
            Guid deal = Pick(_deals);
            Guid author = _random.Next(4) == 0 ? Pick(_reps.Concat(_reviewers).ToArray()) : OwnerOf(deal);
            var amendment = new Entity("crmc_amendment")
            {
                ["crmc_name"] = "Terms change", ["crmc_opportunityid"] = new EntityReference("opportunity", deal),
                ["crmc_reason"] = _random.Next(8) == 0 ? "" : "Customer asked for it",
                ["crmc_state"] = new OptionSetValue((int)(_random.Next(5) == 0 ? AmendmentState.Draft : AmendmentState.Submitted)),
            };
            switch (_random.Next(4))
            {
                case 0: amendment["crmc_newdiscountpercent"] = (decimal)_random.Next(0, 30); break;
                case 1: amendment["crmc_newestimatedvalue"] = new Money(20000m + 10000m * _random.Next(14)); break;
                case 2: amendment["crmc_newrequesteddelivery"] = CrmCollabOrg.Start.Date.AddDays(30 + _random.Next(60)); break;
                default: amendment["crmc_newpaymentterms"] = new OptionSetValue(100000000 + _random.Next(3)); break;
            }
            if (_random.Next(6) == 0) amendment["crmc_state"] = new OptionSetValue((int)AmendmentState.Approved); // raised as approved
            return new FuzzAction($"{author} raises amendment {string.Join(",", amendment.Attributes.Keys.Where(k => k.StartsWith("crmc_new")))} " +
                $"({((OptionSetValue)amendment["crmc_state"]).Value}) on {deal}", () => Org.As(author).Create(amendment));
        }

        private FuzzAction DecideAmendment()
        {
            var submitted = Org.System.RetrieveMultiple(new QueryExpression("crmc_amendment")
            {
                ColumnSet = new ColumnSet("crmc_opportunityid", "createdby", "crmc_state"),
                Criteria = { Conditions = { new ConditionExpression("crmc_state", ConditionOperator.In,
                    (int)AmendmentState.Submitted, (int)AmendmentState.Draft, (int)AmendmentState.Approved) } },
            }).Entities;
            if (submitted.Count == 0) return RaiseAmendment();
            Entity amendment = Pick(submitted);
            Guid deal = amendment.GetAttributeValue<EntityReference>("crmc_opportunityid").Id;
            Guid[] deciders = { _reviewers[2], _reviewers[3], Org.Admin, Person(amendment.GetAttributeValue<EntityReference>("createdby")), Pick(_reps), _reviewers[0] };
            Guid decider = Pick(deciders);
            var decision = Pick(new[] { AmendmentState.Approved, AmendmentState.Approved, AmendmentState.Rejected, AmendmentState.Applied, AmendmentState.Submitted });
            int channel = Channel();
            return new FuzzAction($"{decider} sets amendment {amendment.Id} of {deal} to {decision} by {FuzzChannel.Names[channel]}", () =>
            {
                var update = new Entity("crmc_amendment", amendment.Id) { ["crmc_state"] = new OptionSetValue((int)decision) };
                if (decision == AmendmentState.Rejected || _random.Next(3) == 0) update["crmc_approvercomment"] = "Checked with the customer";
                FuzzChannel.Update(Org.As(decider), update, channel);
                if (decision == AmendmentState.Approved) _wonTerms.Amended(deal);
            });
        }
    }
}
