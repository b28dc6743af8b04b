using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// A merge asks for the privileges Microsoft lists for the message ("Merge message privileges"): read, write,
    /// append, append-to and share on the table, append and write on activities, and the Merge privilege itself.
    /// Write access on each record alone is not enough.
    /// </summary>
    public class MergePrivilegeTests
    {
        private readonly DataverseEngine _engine;
        private readonly OrganizationSetup _setup;
        private readonly Guid _kept, _duplicate;

        public MergePrivilegeTests()
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            org.Solution.Roles.Add(AccountKeeper("Account keeper", share: true));
            org.Solution.Roles.Add(AccountKeeper("Account keeper without sharing", share: false));
            var merger = new RoleDefinition { Id = Guid.NewGuid(), Name = "Merger" };
            merger.Misc.Add("prvMerge");
            org.Solution.Roles.Add(merger);
            _engine = org.Boot();
            _setup = new OrganizationSetup(_engine.SystemService);
            _kept = _engine.SystemService.Create(new Entity("account") { ["name"] = "Contoso" });
            _duplicate = _engine.SystemService.Create(new Entity("account") { ["name"] = "Contoso Ltd" });
        }

        private static RoleDefinition AccountKeeper(string name, bool share)
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = name };
            foreach (var right in new[] { AccessRight.Create, AccessRight.Read, AccessRight.Write, AccessRight.Append, AccessRight.AppendTo })
                role.Privileges[("account", right)] = PrivilegeDepth.Global;
            if (share) role.Privileges[("account", AccessRight.Share)] = PrivilegeDepth.Global;
            role.Privileges[("task", AccessRight.Append)] = PrivilegeDepth.Global; // prvAppendActivity
            role.Privileges[("task", AccessRight.Write)] = PrivilegeDepth.Global; // prvWriteActivity
            return role;
        }

        private IOrganizationService As(params string[] roles) =>
            _engine.CreateService(_setup.CreateUser("User " + Guid.NewGuid().ToString("N").Substring(0, 6), _engine.RootBusinessUnitId, roles));

        private MergeRequest MergeDuplicate() => new MergeRequest
        {
            Target = new EntityReference("account", _kept), SubordinateId = _duplicate, UpdateContent = new Entity("account"),
        };

        private int DuplicateState() =>
            _engine.SystemService.Retrieve("account", _duplicate, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value;

        [Fact]
        public void Write_on_both_customers_without_the_merge_privilege_is_refused_and_nothing_moves()
        {
            var fault = Fails(() => As("Account keeper").Execute(MergeDuplicate()), SecurityFaults.PrivilegeDenied);

            Assert.Contains("prvMerge", fault.Message);
            Assert.Equal(0, DuplicateState());
        }

        [Fact]
        public void Without_share_on_the_table_a_merge_is_refused_naming_that_privilege()
        {
            var fault = Fails(() => As("Account keeper without sharing", "Merger").Execute(MergeDuplicate()), SecurityFaults.PrivilegeDenied);

            Assert.Contains("prvShareAccount", fault.Message);
            Assert.Equal(0, DuplicateState());
        }

        [Fact]
        public void With_every_listed_privilege_the_duplicate_is_merged_and_deactivated()
        {
            As("Account keeper", "Merger").Execute(MergeDuplicate());

            Assert.Equal(1, DuplicateState());
        }
    }
}
