using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>Basic / Local / Deep / Global decisions over Contoso → Sales → Sales East (and Service).</summary>
    public class SecurityDepthTests
    {
        private readonly SecurityScenario _org = new SecurityScenario();

        [Fact]
        public void Basic_user_reaches_only_own_records()
        {
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");
            var amy = _org.Setup.CreateUser("Amy Peer", _org.SalesId, "Salesperson");
            var own = _org.AccountOf(bob);
            var peers = _org.AccountOf(amy);

            Assert.True(_org.Guard.CanRead(bob, "account", own));
            _org.Guard.Demand(bob, "account", AccessRight.Write, own);
            _org.Guard.Demand(bob, "account", AccessRight.Delete, own);
            Assert.False(_org.Guard.CanRead(bob, "account", peers));
            Fails(() => _org.Guard.Demand(bob, "account", AccessRight.Write, peers), SecurityFaults.AccessCheckFailed);
        }

        [Fact]
        public void Local_user_reaches_own_business_unit_but_not_its_children()
        {
            var mia = _org.Setup.CreateUser("Mia Manager", _org.SalesId, "Sales Manager");
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");
            var eve = _org.Setup.CreateUser("Eve East", _org.EastId, "Salesperson");

            Assert.True(_org.Guard.CanRead(mia, "account", _org.AccountOf(bob)));
            _org.Guard.Demand(mia, "account", AccessRight.Write, _org.AccountOf(bob));
            Assert.False(_org.Guard.CanRead(mia, "account", _org.AccountOf(eve)));
            Assert.False(_org.Guard.CanRead(mia, "account", _org.AccountOf(_org.Guard.SystemUserId)));
        }

        [Fact]
        public void Deep_user_reaches_own_business_unit_and_descendants_only()
        {
            var dan = _org.Setup.CreateUser("Dan Director", _org.SalesId, "Regional Director");
            var eve = _org.Setup.CreateUser("Eve East", _org.EastId, "Salesperson");
            var sue = _org.Setup.CreateUser("Sue Service", _org.ServiceUnitId, "Salesperson");
            var ray = _org.Setup.CreateUser("Ray Root", _org.RootId, "Salesperson");
            var sam = _org.Setup.CreateUser("Sam East Director", _org.EastId, "Regional Director");
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");

            Assert.True(_org.Guard.CanRead(dan, "account", _org.AccountOf(bob)));
            Assert.True(_org.Guard.CanRead(dan, "account", _org.AccountOf(eve)));
            Assert.False(_org.Guard.CanRead(dan, "account", _org.AccountOf(sue)));
            Assert.False(_org.Guard.CanRead(dan, "account", _org.AccountOf(ray)));
            // Deep looks down the tree, never up.
            Assert.False(_org.Guard.CanRead(sam, "account", _org.AccountOf(bob)));
            Assert.True(_org.Guard.CanRead(sam, "account", _org.AccountOf(eve)));
        }

        [Fact]
        public void Global_user_reads_everywhere_but_holds_no_other_right()
        {
            var ann = _org.Setup.CreateUser("Ann Auditor", _org.ServiceUnitId, "Auditor");
            var eve = _org.Setup.CreateUser("Eve East", _org.EastId, "Salesperson");
            var eves = _org.AccountOf(eve);

            Assert.True(_org.Guard.CanRead(ann, "account", eves));
            Assert.True(_org.Guard.CanRead(ann, "account", _org.AccountOf(_org.Guard.SystemUserId)));
            Fails(() => _org.Guard.Demand(ann, "account", AccessRight.Write, eves), SecurityFaults.PrivilegeDenied);
            Assert.Equal(PrivilegeDepth.Global, _org.Guard.DepthOf(ann, "account", AccessRight.Read));
        }

        [Fact]
        public void Create_is_checked_at_the_depth_of_the_owner_being_assigned()
        {
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");
            var amy = _org.Setup.CreateUser("Amy Peer", _org.SalesId, "Salesperson");
            var mia = _org.Setup.CreateUser("Mia Manager", _org.SalesId, "Sales Manager");
            var dan = _org.Setup.CreateUser("Dan Director", _org.SalesId, "Regional Director");
            var eve = _org.Setup.CreateUser("Eve East", _org.EastId, "Salesperson");
            Entity NewAccount(Guid owner) => new Entity("account") { ["ownerid"] = new EntityReference("systemuser", owner) };

            _org.Guard.Demand(bob, "account", AccessRight.Create, new Entity("account")); // no owner yet: the caller
            _org.Guard.Demand(bob, "account", AccessRight.Create, NewAccount(bob));
            var fault = Fails(() => _org.Guard.Demand(bob, "account", AccessRight.Create, NewAccount(amy)), SecurityFaults.AccessCheckFailed);
            Assert.Contains("CreateAccess", fault.Message);
            _org.Guard.Demand(mia, "account", AccessRight.Create, NewAccount(amy));
            Assert.False(_org.Guard.HasAccess(mia, "account", AccessRight.Create, NewAccount(eve)));
            _org.Guard.Demand(dan, "account", AccessRight.Create, NewAccount(eve));
        }

        [Fact]
        public void Append_AppendTo_and_Assign_follow_the_row()
        {
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");
            var amy = _org.Setup.CreateUser("Amy Peer", _org.SalesId, "Salesperson");
            var own = _org.AccountOf(bob);
            var peers = _org.AccountOf(amy);

            _org.Guard.Demand(bob, "account", AccessRight.Append, own);
            _org.Guard.Demand(bob, "account", AccessRight.AppendTo, own);
            _org.Guard.Demand(bob, "account", AccessRight.Assign, own);
            var fault = Fails(() => _org.Guard.Demand(bob, "account", AccessRight.AppendTo, peers), SecurityFaults.AccessCheckFailed);
            Assert.Contains("AppendToAccess", fault.Message);
            Assert.Contains("prvAppendToAccount", fault.Message);
            Fails(() => _org.Guard.Demand(bob, "account", AccessRight.Assign, peers), SecurityFaults.AccessCheckFailed);
            // No contact privileges at all: the privilege check fails before any depth is looked at.
            Fails(() => _org.Guard.Demand(bob, "contact", AccessRight.AppendTo, null), SecurityFaults.PrivilegeDenied);
        }

        [Fact]
        public void Organization_owned_tables_honour_only_global()
        {
            var viewer = _org.Setup.CreateUser("Val Viewer", _org.SalesId, "Currency Viewer");
            var ann = _org.Setup.CreateUser("Ann Auditor", _org.ServiceUnitId, "Auditor");
            var euro = new Entity("transactioncurrency", Guid.NewGuid()) { ["currencyname"] = "Euro" };

            Assert.Equal(PrivilegeDepth.None, _org.Guard.DepthOf(viewer, "transactioncurrency", AccessRight.Read));
            Fails(() => _org.Guard.Demand(viewer, "transactioncurrency", AccessRight.Read, euro), SecurityFaults.PrivilegeDenied);
            Assert.True(_org.Guard.CanRead(ann, "transactioncurrency", euro));
        }

        [Fact]
        public void Privilege_names_and_miscellaneous_privileges_are_answered()
        {
            var ann = _org.Setup.CreateUser("Ann Auditor", _org.ServiceUnitId, "Auditor");
            var bob = _org.Setup.CreateUser("Bob Basic", _org.SalesId, "Salesperson");

            Assert.True(_org.Guard.HasPrivilege(ann, "prvExportToExcel"));
            Assert.True(_org.Guard.HasPrivilege(ann, "prvReadAccount"));
            Assert.False(_org.Guard.HasPrivilege(ann, "prvWriteAccount"));
            Assert.True(_org.Guard.HasPrivilege(bob, "prvAppendToAccount"));
            Assert.False(_org.Guard.HasPrivilege(bob, "prvBypassCustomPlugins"));
        }
    }
}
