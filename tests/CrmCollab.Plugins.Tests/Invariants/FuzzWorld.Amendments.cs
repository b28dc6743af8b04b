using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The one way a won deal's terms may change: an amendment raised by its salesperson (or by someone else, who is
    /// refused), submitted, and approved or rejected by the deal's finance reviewer, an administrator, its own author or
    /// another reviewer. An approval that goes through must have applied exactly what the amendment proposed, and lets the
    /// ledger read the deal's terms afresh.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private FuzzAction RaiseAmendment()
        {
            Guid deal = Pick(_deals);
            Guid author = _random.Next(4) == 0 ? Pick(_reps.Concat(_reviewers).Append(_sysadmin).Append(Org.Admin).ToArray()) : OwnerOf(deal);
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
            int channel = _random.Next(FuzzChannel.CreateNames.Length);
            Guid id = NewId();
            return new FuzzAction($"{author} raises amendment {string.Join(",", amendment.Attributes.Keys.Where(k => k.StartsWith("crmc_new")))} " +
                $"({((OptionSetValue)amendment["crmc_state"]).Value}) on {deal} by {FuzzChannel.CreateNames[channel]}",
                () => FuzzChannel.Create(Org.As(author), amendment, channel, id));
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
                if (decision != AmendmentState.Approved) return;
                _wonTerms.Amended(deal);
                AppliedAsProposed(amendment.Id, deal);
            });
        }

        /// <summary>
        /// An approval that went through applied the amendment in its own save: the deal now carries every value the
        /// amendment proposed (its other terms are the ledger's to watch), and the amendment says Applied.
        /// </summary>
        private void AppliedAsProposed(Guid amendmentId, Guid deal)
        {
            Entity amendment = Org.System.Retrieve("crmc_amendment", amendmentId, new ColumnSet(true));
            Entity terms = Org.System.Retrieve("opportunity", deal, new ColumnSet(Proposals.Select(p => p.Value).ToArray()));
            Assert.Equal((int)AmendmentState.Applied, amendment.GetAttributeValue<OptionSetValue>("crmc_state").Value);
            foreach (var proposal in Proposals.Where(p => amendment.Contains(p.Key)))
                Assert.True(Same(amendment[proposal.Key], terms.Contains(proposal.Value) ? terms[proposal.Value] : null),
                    $"amendment {amendmentId} approved, but deal {deal}'s {proposal.Value} is not the {proposal.Key} it proposed");
        }

        private static readonly Dictionary<string, string> Proposals = new Dictionary<string, string>
        {
            ["crmc_newdiscountpercent"] = "crmc_discountpercent", ["crmc_newestimatedvalue"] = "estimatedvalue",
            ["crmc_newrequesteddelivery"] = "crmc_requesteddelivery", ["crmc_newpaymentterms"] = "crmc_paymentterms",
        };

        private static bool Same(object proposed, object now) =>
            proposed is Money a && now is Money b ? a.Value == b.Value
            : proposed is OptionSetValue o && now is OptionSetValue n ? o.Value == n.Value
            : proposed is DateTime d && now is DateTime t ? d.Date == t.Date // a Date Only column keeps the date alone
            : Equals(proposed, now);
    }
}
