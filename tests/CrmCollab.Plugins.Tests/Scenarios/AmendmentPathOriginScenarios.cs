using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Only the approved amendment's own terms pass the lock of a won deal, written by CrmCollab through the SYSTEM service
    /// (AmendmentApplication). A write made as the approver inside the approval — another team's step, or the platform
    /// writing the deal sent as a related row with the approval ("Update related table rows in one operation", at a stage no
    /// page documents) — is not that write. Bea is a sales manager: Salesperson and CrmCollab Administrator, owner of the deal.
    /// </summary>
    public class AmendmentPathOriginScenarios
    {
        [Fact]
        public void An_approval_does_not_let_the_approver_write_other_terms_on_the_won_deal_in_the_same_save()
        {
            var org = CrmCollabOrg.WithTestStep<RewriteTermsAsTheApprover>("Update", "crmc_amendment", StepStage.PostOperation, "crmc_state");
            Guid bea = org.Setup.CreateUser("Bea Boss", org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            Guid deal = org.Deal(org.Account("Contoso"), discount: 10m);
            org.System.Execute(new AssignRequest { Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", bea) });
            org.Win(deal, asUser: bea);
            Guid amendment = org.Amendment(deal, discount: 7m, asUser: org.Admin);

            org.Refused(RefusalCodes.TermsLocked, () => org.Decide(amendment, bea, AmendmentState.Approved), "opportunity", "crmc_amendment");

            Assert.Equal(10m, org.Row("opportunity", deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }
    }

    /// <summary>
    /// Test-only step after an amendment's save (another team's customisation, or the platform writing the deal sent with
    /// the approval), acting as the approver: it writes a discount of its own on the amendment's deal.
    /// </summary>
    public sealed class RewriteTermsAsTheApprover : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext));
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
            Guid? deal = factory.CreateOrganizationService(null)
                .Retrieve("crmc_amendment", context.PrimaryEntityId, new Microsoft.Xrm.Sdk.Query.ColumnSet("crmc_opportunityid"))
                .GetAttributeValue<EntityReference>("crmc_opportunityid")?.Id;
            if (deal == null) return;
            factory.CreateOrganizationService(context.UserId).Update(new Entity("opportunity", deal.Value) { ["crmc_discountpercent"] = 40m });
        }
    }
}
