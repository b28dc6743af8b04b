using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The requested delivery is a Date Only column: Dataverse keeps its date alone (Microsoft Learn, "Behavior and format
    /// of the Date and Time column"). An ERP integration re-sends a won deal's delivery date as a date-time (15:00 on the
    /// agreed day): that is the agreed date, not a change of the locked terms, so the save is accepted and nothing Lena
    /// approved is touched. Another day still needs an amendment. Before, the lock compared the time of day too and
    /// refused the re-send with CRMC-TERMS-LOCKED.
    /// </summary>
    public class WonDeliveryDateResendScenarios
    {
        private static readonly DateTime Agreed = CrmCollabOrg.Start.Date.AddDays(40);
        private static readonly string[] Touched = { "crmc_feasibilityreview", "opportunity", "crmc_amendment", "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _deal;

        public WonDeliveryDateResendScenarios()
        {
            Guid lena, fiona;
            (lena, fiona, _, _deal) = _org.CustomDealAwaitingReviews();
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["crmc_requesteddelivery"] = Agreed });
            _org.ApproveBothReviews(lena, fiona, _deal);
            _org.MoveTo(_deal, SalesStage.Propose);
            _org.Win(_deal);
        }

        private static void Send(IOrganizationService service, string channel, Entity target)
        {
            if (channel == "Update") service.Update(target);
            else if (channel == "UpdateMultiple") CrmCollabOrg.InUpdateMultiple(service, target);
            else CrmCollabOrg.InUpsert(service, target);
        }

        private Entity Delivery(DateTime value) => new Entity("opportunity", _deal) { ["crmc_requesteddelivery"] = value };

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        public void A_won_deals_delivery_date_re_sent_at_another_time_of_the_same_day_is_accepted_as_the_agreed_date(string channel)
        {
            string reviews = _org.Tables("crmc_feasibilityreview", "crmc_amendment");

            Send(_org.As(_org.Rep), channel, Delivery(Agreed.AddHours(15)));

            Assert.Equal(reviews, _org.Tables("crmc_feasibilityreview", "crmc_amendment"));
            Assert.Equal(Agreed, _org.Row("opportunity", _deal, "crmc_requesteddelivery").GetAttributeValue<DateTime>("crmc_requesteddelivery"));
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        public void A_won_deals_delivery_date_moved_to_another_day_still_needs_an_amendment(string channel)
        {
            string refusal = _org.Refused(RefusalCodes.TermsLocked, () => Send(_org.As(_org.Rep), channel, Delivery(Agreed.AddDays(1))), Touched);

            Assert.Contains("Requested delivery", refusal);
        }
    }
}
