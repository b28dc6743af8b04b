using System;
using CrmCollab.Emulator.Security;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A dedicated owner row or a routing rule given another account, function or segment names its owner for new work, as
    /// a new row or rule does: Lena left (disabled), or the Logistics North desk lost its last member, and instead of
    /// creating a row for Fabrikam the administrator moves Contoso's old row there, or points the old retail desk's rule
    /// at another sector. Before, only an owner the save itself named was judged, so the retargeted row or rule kept a
    /// disabled user (passed over by routing without anyone having chosen that) or a team nobody works in (which then
    /// owned the new account's or sector's work, counted as routed, seen by nobody).
    /// </summary>
    public class RetargetedOwnerScenarios
    {
        private static readonly string[] RowTables = { "crmc_dedicatedowner", "task" };
        private static readonly string[] RuleTables = { "crmc_routingrule" };
        private const int Retail = 27, Food = 12;
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _nadia, _north, _contoso, _fabrikam;

        public RetargetedOwnerScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _nadia = _org.User("Nadia North", "CrmCollab Logistics");
            _north = _org.Setup.CreateTeam("Logistics North", _org.Operations, TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(_north, _nadia);
            _contoso = _org.Account("Contoso");
            _fabrikam = _org.Account("Fabrikam");
        }

        private void Disable(Guid user)
        {
            _org.System.Update(new Entity("systemuser", user) { ["isdisabled"] = true });
            _org.Engine.DrainAsync();
        }

        [Fact]
        public void A_leavers_logistics_row_moved_to_another_account_or_function_is_refused_as_a_new_row_would_be()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            Guid row = _org.DedicatedOwner(_contoso, BusinessFunction.Logistics, user: _lena);
            Disable(_lena); // Lena left

            string refusal = _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => admin.Update(new Entity("crmc_dedicatedowner", row)
            {
                ["crmc_accountid"] = new EntityReference("account", _fabrikam),
            }), RowTables);
            _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => CrmCollabOrg.InExecuteMultiple(admin, new UpdateRequest
            {
                Target = new Entity("crmc_dedicatedowner", row) { ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Sav) },
            }), RowTables);

            Assert.StartsWith("The user Lena Logistics is disabled", refusal);
            admin.Update(new Entity("crmc_dedicatedowner", row) { ["crmc_validto"] = CrmCollabOrg.Start }); // ending her row is fine
        }

        [Fact]
        public void A_desks_row_moved_to_another_account_after_its_last_member_left_is_refused()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            Guid row = _org.DedicatedOwner(_contoso, BusinessFunction.Logistics, team: _north);
            Disable(_nadia); // the desk's only member left

            _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => admin.Update(new Entity("crmc_dedicatedowner", row)
            {
                ["crmc_accountid"] = new EntityReference("account", _fabrikam),
            }), RowTables);
        }

        [Fact]
        public void A_leavers_retail_rule_pointed_at_another_sector_or_function_is_refused_as_a_new_rule_would_be()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            Guid rule = _org.Rule("Logistics retail", BusinessFunction.Logistics, _lena, industry: Retail);
            Guid desk = _org.Rule("Logistics retail desk", BusinessFunction.Logistics, new EntityReference("team", _north), priority: 50, industry: Retail);
            Disable(_lena);
            Disable(_nadia);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Update(new Entity("crmc_routingrule", rule)
            {
                ["crmc_industrycode"] = new OptionSetValue(Food),
            }), RuleTables);
            _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => admin.Update(new Entity("crmc_routingrule", rule)
            {
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Sav),
            }), RuleTables);
            _org.RefusedNamingNoId(RefusalCodes.RoutingTargetCannotOwn, () => CrmCollabOrg.InExecuteMultiple(admin, new UpdateRequest
            {
                Target = new Entity("crmc_routingrule", desk) { ["crmc_industrycode"] = new OptionSetValue(Food) },
            }), RuleTables);

            Assert.StartsWith("The user Lena Logistics is disabled", refusal);
            admin.Update(new Entity("crmc_routingrule", rule) { ["crmc_isactive"] = false }); // retiring it is fine
            admin.Update(new Entity("crmc_routingrule", desk) { ["crmc_priority"] = 40 }); // so is ranking it, where it already routes
        }
    }
}
