using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A feasibility review is the deal's record: it is decided, withdrawn or invalidated, never deactivated. A pending
    /// review deactivated from the grid would leave its queue and every active view while the gate still waits for it.
    /// </summary>
    public class ReviewStateScenarios
    {
        private static readonly string[] Touched = { "crmc_feasibilityreview", "queueitem", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _deal, _review;

        public ReviewStateScenarios()
        {
            (_lena, _, _, _deal) = _org.CustomDealAwaitingReviews();
            _review = _org.Review(_deal, BusinessFunction.Logistics).Id;
        }

        private static OrganizationRequest Deactivate(string message, Guid review) =>
            CrmCollabOrg.StateChange(message, "crmc_feasibilityreview", review, 1, 2);

        [Theory]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        [InlineData("Update")]
        public void Its_reviewer_cannot_deactivate_a_pending_review(string message)
        {
            string refusal = _org.Refused(RefusalCodes.ReviewNotDeactivated, () => _org.As(_lena).Execute(Deactivate(message, _review)), Touched);
            _org.Refused(RefusalCodes.ReviewNotDeactivated, () => CrmCollabOrg.InExecuteMultiple(_org.As(_lena), Deactivate(message, _review)), Touched);
            _org.Refused(RefusalCodes.ReviewNotDeactivated, () => _org.As(_org.Admin).Execute(Deactivate(message, _review)), Touched);

            Assert.StartsWith("A feasibility review is the deal's record and is not deactivated", refusal);
        }

        [Fact]
        public void A_decided_review_cannot_be_deactivated_either()
        {
            _org.Decide(_lena, _org.Review(_deal, BusinessFunction.Logistics), ReviewDecision.Approved);
            _org.Refused(RefusalCodes.ReviewNotDeactivated, () => _org.As(_lena).Execute(Deactivate("SetState", _review)), Touched);
        }
    }
}
