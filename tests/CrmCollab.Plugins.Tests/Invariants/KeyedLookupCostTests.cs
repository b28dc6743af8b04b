using System;
using CrmCollab.Plugins.Guards;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The guard runs on every save of a deal: resolving lookups named by alternate key (KeyedReferences) must cost
    /// nothing when the save names none, not even the SYSTEM service it would resolve them through.
    /// </summary>
    public class KeyedLookupCostTests
    {
        [Fact]
        public void A_rep_saving_a_deals_description_with_no_lookup_named_by_key_costs_the_guard_no_SYSTEM_service()
        {
            var dealId = Guid.NewGuid();
            var target = new Entity("opportunity", dealId) { ["description"] = "Customer asked for a second visit." };
            var before = new Entity("opportunity", dealId) { ["statecode"] = new OptionSetValue(0) };
            var factory = Stub<IOrganizationServiceFactory>.Create();
            var context = Stub<IPluginExecutionContext>.Create();
            var inputs = new ParameterCollection { ["Target"] = target };
            var images = new EntityImageCollection { ["PreImage"] = before };
            Stub<IPluginExecutionContext>.Of(context).Answer = name =>
                name == "get_Stage" ? 20 : name == "get_MessageName" ? "Update" : name == "get_PrimaryEntityName" ? "opportunity"
                : name == "get_PrimaryEntityId" ? dealId : name == "get_InputParameters" ? inputs : name == "get_PreEntityImages" ? images
                : name == "get_PostEntityImages" ? new EntityImageCollection() : name == "get_SharedVariables" ? new ParameterCollection()
                : name == "get_OperationCreatedOn" ? new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc)
                : name == "get_UserId" || name == "get_InitiatingUserId" ? Guid.NewGuid() : (object)null;
            int servicesCreated = 0;
            Stub<IOrganizationServiceFactory>.Of(factory).Answer = name => { servicesCreated++; return null; };
            var provider = new StubServiceProvider(context, factory);

            Exception thrown = Record.Exception(() => new OpportunityGuard(null, null).Execute(provider));

            Assert.Equal(0, servicesCreated);
            Assert.Null(thrown);
        }
    }
}
