using System;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>Every row has an owner who can hold the work: no ownerless rows, no owners that cannot own what is routed to them.</summary>
    public class OwnerShortcutScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _account;

        public OwnerShortcutScenarios()
        {
            _account = _org.Account("Contoso");
        }

        /// <summary>Dataverse's InvalidOwnerID (0x80040229), as listed in its web service error codes.</summary>
        private const int InvalidOwnerId = -2147220951;

        private void RefusedAsInvalidOwner(Action attempt)
        {
            string before = _org.Tables("account");
            OrganizationServiceFault fault = Assert.Throws<FaultException<OrganizationServiceFault>>(attempt).Detail;
            Assert.Equal(InvalidOwnerId, fault.ErrorCode);
            Assert.Equal("The owner ID is invalid or missing.", fault.Message);
            Assert.Equal(before, _org.Tables("account"));
        }

        [Fact]
        public void A_row_cannot_be_left_without_owner_nor_given_an_owner_by_a_bare_id()
        {
            IOrganizationService rep = _org.As(_org.Rep);

            RefusedAsInvalidOwner(() => rep.Update(new Entity("account", _account) { ["ownerid"] = null }));
            RefusedAsInvalidOwner(() => rep.Update(new Entity("account", _account) { ["ownerid"] = _org.Rep }));
            RefusedAsInvalidOwner(() => CrmCollabOrg.InUpdateMultiple(rep, new Entity("account", _account) { ["ownerid"] = null }));
            RefusedAsInvalidOwner(() => rep.Create(new Entity("account") { ["name"] = "Fabrikam", ["ownerid"] = _org.Rep }));

            Assert.Equal(_org.Rep, _org.Row("account", _account, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Fact]
        public void A_team_or_user_without_a_security_role_cannot_become_a_dedicated_owner()
        {
            Guid bare = _org.Setup.CreateTeam("Logistics North", _org.Operations, Emulator.Security.TeamType.Owner);
            Guid access = _org.Setup.CreateTeam("Deal room", _org.Operations, Emulator.Security.TeamType.Access);
            Guid newcomer = _org.Setup.CreateUser("Nina Newcomer", _org.Operations);
            string[] touched = { "crmc_dedicatedowner", "task" };

            string team = _org.Refused(RefusalCodes.OwnerCannotOwn, () => _org.DedicatedOwner(_account, BusinessFunction.Logistics, team: bare), touched);
            string user = _org.Refused(RefusalCodes.OwnerCannotOwn, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Admin), new CreateRequest
            {
                Target = new Entity("crmc_dedicatedowner")
                {
                    ["crmc_name"] = "SAV owner", ["crmc_accountid"] = new EntityReference("account", _account),
                    ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Sav),
                    ["crmc_userid"] = new EntityReference("systemuser", newcomer), ["crmc_validfrom"] = CrmCollabOrg.Start,
                },
            }), touched);
            _org.Refused(RefusalCodes.OwnerCannotOwn, () => _org.DedicatedOwner(_account, BusinessFunction.Adv, team: access), touched);
            Guid sally = _org.User("Sally SAV", "CrmCollab SAV");
            Guid row = _org.DedicatedOwner(_account, BusinessFunction.Sav, user: sally);
            _org.Refused(RefusalCodes.OwnerCannotOwn, () => _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row)
            {
                ["crmc_backupuserid"] = new EntityReference("systemuser", newcomer),
            }), touched);

            Assert.StartsWith("The team Logistics North has no security role, so it lacks the Read privilege on tasks (prvReadActivity)", team);
            Assert.StartsWith("The user Nina Newcomer has no security role, directly or through a team", user);
            // Once the team holds a role, it may own the account's logistics work.
            _org.Setup.AssignTeamRole(bare, "CrmCollab Logistics");
            _org.Setup.AddMembers(bare, _org.User("Lena Logistics", "CrmCollab Logistics"));
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, team: bare);
        }

        [Fact]
        public void A_disabled_user_cannot_become_a_dedicated_owner_or_backup_on_any_path()
        {
            Guid sally = _org.User("Sally SAV", "CrmCollab SAV");
            Guid gone = _org.User("Gina Gone", "CrmCollab SAV");
            Guid row = _org.DedicatedOwner(_account, BusinessFunction.Sav, user: sally);
            _org.System.Update(new Entity("systemuser", gone) { ["isdisabled"] = true }); // someone who left
            string[] touched = { "crmc_dedicatedowner", "task" };
            var adv = new Entity("crmc_dedicatedowner")
            {
                ["crmc_name"] = "ADV owner", ["crmc_accountid"] = new EntityReference("account", _account),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Adv), ["crmc_userid"] = new EntityReference("systemuser", gone),
            };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.OwnerCannotOwn, () => _org.As(_org.Admin).Create(adv), touched);
            _org.Refused(RefusalCodes.OwnerCannotOwn, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Admin), new CreateRequest { Target = adv }), touched);
            _org.Refused(RefusalCodes.OwnerCannotOwn, () => _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row)
            {
                ["crmc_userid"] = new EntityReference("systemuser", gone),
            }), touched);
            _org.Refused(RefusalCodes.OwnerCannotOwn, () => _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row)
            {
                ["crmc_backupuserid"] = new EntityReference("systemuser", gone),
            }), touched);

            Assert.Equal("The user Gina Gone is disabled, and a disabled user cannot own the handoffs and reviews routed to a dedicated owner. " +
                "Choose an active user or a team, or enable the user first. [CRMC-OWNER-CANNOT-OWN]", refusal);
            _org.System.Update(new Entity("systemuser", sally) { ["isdisabled"] = true });
            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row) { ["crmc_validto"] = CrmCollabOrg.Start }); // ending her row is fine
        }
    }
}
