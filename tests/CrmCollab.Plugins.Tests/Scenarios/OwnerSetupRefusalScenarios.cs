using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An administrator (or an import) setting up dedicated owners and routing rules is told, by code and by name,
    /// what is wrong with a row: never an id, and nothing saved.
    /// </summary>
    public class OwnerSetupRefusalScenarios
    {
        private static readonly string[] OwnerTables = { "crmc_dedicatedowner" };
        private static readonly string[] RuleTables = { "crmc_routingrule" };
        private readonly CrmCollabOrg _org;
        private readonly Guid _lena, _marc, _account, _lenaRow, _teamRow;

        public OwnerSetupRefusalScenarios() : this(new CrmCollabOrg()) { }

        private OwnerSetupRefusalScenarios(CrmCollabOrg org)
        {
            _org = org;
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _marc = _org.User("Marc Logistics", "CrmCollab Logistics");
            Guid team = _org.Setup.CreateTeam("SAV North", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab SAV");
            _org.Setup.AddMembers(team, _org.User("Sam SAV", "CrmCollab SAV")); // a desk someone works in
            _account = _org.Account("Contoso");
            _lenaRow = _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: _lena, to: CrmCollabOrg.Start.AddMonths(6));
            _teamRow = _org.DedicatedOwner(_account, BusinessFunction.Sav, team: team);
        }

        private Entity Row(BusinessFunction function, Guid? user = null, Guid? team = null, DateTime? from = null, DateTime? to = null)
        {
            var row = new Entity("crmc_dedicatedowner")
            {
                ["crmc_name"] = "Second owner",
                ["crmc_accountid"] = new EntityReference("account", _account),
                ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_validfrom"] = from ?? CrmCollabOrg.Start,
            };
            if (user.HasValue) row["crmc_userid"] = new EntityReference("systemuser", user.Value);
            if (team.HasValue) row["crmc_teamid"] = new EntityReference("team", team.Value);
            if (to.HasValue) row["crmc_validto"] = to.Value;
            return row;
        }


        [Fact]
        public void A_second_owner_for_the_same_period_is_refused_naming_who_already_has_it()
        {
            IOrganizationService admin = _org.As(_org.Admin);

            string user = _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => admin.Create(Row(BusinessFunction.Logistics, _marc)), OwnerTables);
            _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = Row(BusinessFunction.Logistics, _marc) }), OwnerTables);
            string team = _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => CrmCollabOrg.InExecuteTransaction(admin, new CreateRequest
            {
                Target = Row(BusinessFunction.Sav, _marc),
            }), OwnerTables);
            // Moving a later row's start into Lena's period clashes too.
            Guid later = admin.Create(Row(BusinessFunction.Logistics, _marc, from: CrmCollabOrg.Start.AddMonths(7)));
            string moved = _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => CrmCollabOrg.InUpdateMultiple(admin, new Entity("crmc_dedicatedowner", later)
            {
                ["crmc_validfrom"] = CrmCollabOrg.Start.AddMonths(5),
            }), OwnerTables);

            string lenaPeriod = $"from {CrmCollabOrg.Start.Date.AddYears(-1):yyyy-MM-dd} to {CrmCollabOrg.Start.AddMonths(6):yyyy-MM-dd}";
            Assert.Equal($"The user Lena Logistics is already this account's Logistics dedicated owner {lenaPeriod} (row 'Logistics owner'), " +
                "and one account has one dedicated owner per function at a time. End that row (set its 'valid to' before this one starts), " +
                "or edit that row instead. [CRMC-OWNER-OVERLAP]", user);
            Assert.StartsWith("The team SAV North is already this account's SAV dedicated owner", team);
            Assert.StartsWith("The user Lena Logistics is already", moved);
            Assert.DoesNotContain(_lenaRow.ToString(), user);
            Assert.DoesNotContain(_teamRow.ToString(), team);
        }

        /// <summary>No page says a SetState runs the Update steps: on an organisation where it runs none, the SetState steps hold alone.</summary>
        [Fact]
        public void A_row_made_active_again_from_the_grid_is_refused_by_the_set_state_steps_alone() =>
            new OwnerSetupRefusalScenarios(new CrmCollabOrg((solution, options) => solution.Steps.RemoveAll(s =>
                s.PluginTypeName.EndsWith(".DedicatedOwnerValidation", StringComparison.Ordinal) && s.MessageName == "Update")))
                .ReactivatedOverAnotherOwner(throughUpdate: false);

        [Fact]
        public void A_row_made_active_again_is_refused_when_another_owner_took_its_period_meanwhile() => ReactivatedOverAnotherOwner(throughUpdate: true);

        private void ReactivatedOverAnotherOwner(bool throughUpdate)
        {
            IOrganizationService admin = _org.As(_org.Admin);
            var lenaRow = new EntityReference("crmc_dedicatedowner", _lenaRow);
            admin.Execute(new SetStateRequest { EntityMoniker = lenaRow, State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            Guid marcRow = admin.Create(Row(BusinessFunction.Logistics, _marc)); // Lena's row is inactive: Marc takes the account's logistics
            Entity Reactivate() => new Entity("crmc_dedicatedowner", _lenaRow) { ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(1) };

            string refusal = _org.Refused(RefusalCodes.OwnerOverlap, () => admin.Execute(new SetStateRequest
            {
                EntityMoniker = lenaRow, State = new OptionSetValue(0), Status = new OptionSetValue(1),
            }), OwnerTables);
            _org.Refused(RefusalCodes.OwnerOverlap, () => admin.Execute(new OrganizationRequest("SetStateDynamicEntity")
            {
                ["EntityMoniker"] = lenaRow, ["State"] = new OptionSetValue(0), ["Status"] = new OptionSetValue(1),
            }), OwnerTables);
            if (throughUpdate)
            {
                _org.Refused(RefusalCodes.OwnerOverlap, () => admin.Update(Reactivate()), OwnerTables);
                _org.Refused(RefusalCodes.OwnerOverlap, () => CrmCollabOrg.InExecuteMultiple(admin, new UpdateRequest { Target = Reactivate() }), OwnerTables);
            }

            Assert.Contains("Marc Logistics", refusal);
            Assert.Equal(1, _org.Row("crmc_dedicatedowner", _lenaRow, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
            admin.Execute(new SetStateRequest { EntityMoniker = new EntityReference("crmc_dedicatedowner", marcRow), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            admin.Execute(new SetStateRequest { EntityMoniker = lenaRow, State = new OptionSetValue(0), Status = new OptionSetValue(1) }); // once Marc's row is inactive in turn, Lena's may come back
            Assert.Equal(0, _org.Row("crmc_dedicatedowner", _lenaRow, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Fact]
        public void An_incomplete_dedicated_owner_row_lists_every_problem_under_one_code()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            Guid team = _org.Setup.CreateTeam("Logistics South", _org.Operations, Emulator.Security.TeamType.Owner);
            Guid other = _org.Account("Fabrikam");
            var both = Row(BusinessFunction.Adv, _marc, team);
            both["crmc_accountid"] = new EntityReference("account", other);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.OwnerInvalid, () => admin.Create(both), OwnerTables);
            _org.RefusedNamingNoId(RefusalCodes.OwnerInvalid, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = both }), OwnerTables);
            string dates = _org.RefusedNamingNoId(RefusalCodes.OwnerInvalid, () => CrmCollabOrg.InUpdateMultiple(admin, new Entity("crmc_dedicatedowner", _lenaRow)
            {
                ["crmc_validto"] = CrmCollabOrg.Start.AddYears(-2),
            }), OwnerTables);
            string nothing = _org.RefusedNamingNoId(RefusalCodes.OwnerInvalid, () => admin.Create(new Entity("crmc_dedicatedowner")
            {
                ["crmc_name"] = "Empty", ["crmc_accountid"] = new EntityReference("account", other),
            }), OwnerTables);

            Assert.Equal("Set either a user or a team as dedicated owner, not both. [CRMC-OWNER-INVALID]", refusal);
            Assert.StartsWith("'Valid to' (", dates);
            Assert.Equal("Choose the function (ADV, Logistics, SAV, …) this owner is dedicated to. " +
                "Set the user or the team who is the dedicated owner. [CRMC-OWNER-INVALID]", nothing);
            // An import whose account lookup did not resolve: a row for no account would route nothing, silently.
            var noAccount = Row(BusinessFunction.Adv, _marc, null);
            noAccount.Attributes.Remove("crmc_accountid");
            string unresolved = _org.RefusedNamingNoId(RefusalCodes.OwnerInvalid, () => admin.Create(noAccount), OwnerTables);
            _org.RefusedNamingNoId(RefusalCodes.OwnerInvalid, () => admin.Update(new Entity("crmc_dedicatedowner", _lenaRow) { ["crmc_accountid"] = null }), OwnerTables);
            Assert.Equal("Choose the account this owner is dedicated to. [CRMC-OWNER-INVALID]", unresolved);
        }

        [Fact]
        public void A_routing_rule_without_exactly_one_target_is_refused_with_its_code()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            Guid rule = _org.Rule("Logistics default", BusinessFunction.Logistics, _marc);
            Guid desk = _org.Setup.CreateTeam("Logistics desk", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            var noTarget = new Entity("crmc_routingrule") { ["crmc_name"] = "No target", ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Sav) };

            string none = _org.RefusedNamingNoId(RefusalCodes.RoutingRuleInvalid, () => admin.Create(noTarget), RuleTables);
            _org.RefusedNamingNoId(RefusalCodes.RoutingRuleInvalid, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = noTarget }), RuleTables);
            string two = _org.RefusedNamingNoId(RefusalCodes.RoutingRuleInvalid, () => CrmCollabOrg.InUpdateMultiple(admin, new Entity("crmc_routingrule", rule)
            {
                ["crmc_teamid"] = new EntityReference("team", desk),
            }), RuleTables);
            string function = _org.RefusedNamingNoId(RefusalCodes.RoutingRuleInvalid, () => CrmCollabOrg.InExecuteTransaction(admin, new UpdateRequest
            {
                Target = new Entity("crmc_routingrule", rule) { ["crmc_function"] = null },
            }), RuleTables);

            Assert.Equal("Set the user, team or queue that receives the work routed by this rule. [CRMC-ROUTING-RULE-INVALID]", none);
            Assert.Equal("Set only one target (a user, a team or a queue) on a routing rule. [CRMC-ROUTING-RULE-INVALID]", two);
            Assert.Equal("Choose the function this routing rule routes. [CRMC-ROUTING-RULE-INVALID]", function);
        }
    }
}
