using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Only CrmCollab withdraws or invalidates a review ("choose Approved, Approved with conditions or Rejected"), through
    /// the SYSTEM service. A write made as a person inside an operation on the review's own deal is not CrmCollab's: another
    /// team's step, or the platform writing reviews sent as related rows with the deal's save ("Update related table rows
    /// in one operation", at a stage no page documents). Bea is a sales manager (Salesperson and CrmCollab Administrator)
    /// who owns the deal; Fiona (finance) rejected it.
    /// </summary>
    public class ReviewWithdrawalOriginScenarios
    {
        [Fact]
        public void A_finance_rejection_is_not_withdrawn_by_a_write_made_as_the_deals_owner_inside_the_deals_save()
        {
            var org = CrmCollabOrg.WithTestStep<WithdrawRejectionsAsTheUser>("Update", "opportunity", StepStage.PostOperation, "description");
            var (_, fiona, _, deal) = org.CustomDealAwaitingReviews();
            Guid bea = org.Setup.CreateUser("Bea Boss", org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            org.System.Execute(new AssignRequest { Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", bea) });
            Entity finance = org.Review(deal, BusinessFunction.Finance);
            org.Decide(fiona, finance, ReviewDecision.Rejected, reason: "Margin below the floor for this customer");

            org.Refused(RefusalCodes.ReviewDecisionIncomplete,
                () => org.As(bea).Update(new Entity("opportunity", deal) { ["description"] = WithdrawRejectionsAsTheUser.Trigger }),
                "crmc_feasibilityreview", "opportunity");

            Assert.Equal((int)ReviewDecision.Rejected,
                org.Row("crmc_feasibilityreview", finance.Id, "crmc_decision").GetAttributeValue<OptionSetValue>("crmc_decision").Value);
        }
    }

    /// <summary>
    /// Test-only step after a deal's save (another team's customisation, or the platform writing the reviews sent with the
    /// save), acting as the person saving: it withdraws the deal's rejected reviews.
    /// </summary>
    public sealed class WithdrawRejectionsAsTheUser : IPlugin
    {
        public const string Trigger = "Customer accepted our counter-offer";

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            if (!(context.InputParameters["Target"] is Entity deal) || deal.GetAttributeValue<string>("description") != Trigger) return;
            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))).CreateOrganizationService(context.UserId);
            var rejected = new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet(false) };
            rejected.Criteria.AddCondition("crmc_opportunityid", ConditionOperator.Equal, deal.Id);
            rejected.Criteria.AddCondition("crmc_decision", ConditionOperator.Equal, (int)ReviewDecision.Rejected);
            foreach (Entity review in service.RetrieveMultiple(rejected).Entities)
                service.Update(new Entity("crmc_feasibilityreview", review.Id) { ["crmc_decision"] = new OptionSetValue((int)ReviewDecision.Withdrawn) });
        }
    }
}
