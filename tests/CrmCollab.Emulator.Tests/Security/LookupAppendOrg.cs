using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// Widgets name an account (crmc_accountid) or a contact (crmc_contactid). Ann and Bob are widget makers: they create
    /// widgets for anyone in the business unit, append only their own (Basic) and append to their own accounts only
    /// (AppendTo Basic); they append nothing to contacts. Nina makes and edits widgets but may append none of them, though
    /// she may append to any account. Steps the test adds run before Boot.
    /// </summary>
    internal sealed class LookupAppendOrg
    {
        public LookupAppendOrg(Action<TestOrg> steps = null)
        {
            var org = new TestOrg();
            org.Options.EnforceSecurity = true;
            org.Solution.Roles.Add(Maker());
            org.Solution.Roles.Add(NoAppend());
            steps?.Invoke(org);
            Engine = org.Boot();
            var setup = new OrganizationSetup(Engine.SystemService);
            Ann = setup.CreateUser("Ann Maker", Engine.RootBusinessUnitId, "Widget maker");
            Bob = setup.CreateUser("Bob Maker", Engine.RootBusinessUnitId, "Widget maker");
            Nina = setup.CreateUser("Nina Noappend", Engine.RootBusinessUnitId, "Widget maker without append");
            AnnsAccount = AccountOf(Ann);
            BobsAccount = AccountOf(Bob);
            Contact = Engine.SystemService.Create(new Entity("contact") { ["lastname"] = "Buyer", ["ownerid"] = new EntityReference("systemuser", Ann) });
        }

        public DataverseEngine Engine { get; }
        public Guid Ann { get; }
        public Guid Bob { get; }
        public Guid Nina { get; }
        public Guid AnnsAccount { get; }
        public Guid BobsAccount { get; }
        /// <summary>Ann's contact, which no role may append to.</summary>
        public Guid Contact { get; }

        public IOrganizationService As(Guid user) => Engine.CreateService(user);

        public Guid AccountOf(Guid owner) =>
            Engine.SystemService.Create(new Entity("account") { ["name"] = "Account", ["ownerid"] = new EntityReference("systemuser", owner) });

        public static Entity Widget(Guid? account = null, Guid? owner = null, Guid? id = null)
        {
            var widget = new Entity("crmc_widget", id ?? Guid.Empty) { ["crmc_name"] = "Widget" };
            if (account.HasValue) widget["crmc_accountid"] = new EntityReference("account", account.Value);
            if (owner.HasValue) widget["ownerid"] = new EntityReference("systemuser", owner.Value);
            return widget;
        }

        public static Entity Naming(Guid widget, Guid? account) =>
            new Entity("crmc_widget", widget) { ["crmc_accountid"] = account.HasValue ? new EntityReference("account", account.Value) : null };

        public Guid? AccountNamedBy(Guid widget) =>
            Engine.SystemService.Retrieve("crmc_widget", widget, new ColumnSet("crmc_accountid")).GetAttributeValue<EntityReference>("crmc_accountid")?.Id;

        public int Widgets() => TestOrg.Count(Engine, "crmc_widget");

        private static RoleDefinition Maker()
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = "Widget maker" };
            role.Privileges[("crmc_widget", AccessRight.Create)] = PrivilegeDepth.Local;
            role.Privileges[("crmc_widget", AccessRight.Read)] = PrivilegeDepth.Global;
            role.Privileges[("crmc_widget", AccessRight.Write)] = PrivilegeDepth.Basic;
            role.Privileges[("crmc_widget", AccessRight.Append)] = PrivilegeDepth.Basic;
            role.Privileges[("account", AccessRight.Read)] = PrivilegeDepth.Global;
            role.Privileges[("account", AccessRight.AppendTo)] = PrivilegeDepth.Basic;
            role.Privileges[("contact", AccessRight.Read)] = PrivilegeDepth.Global;
            return role;
        }

        private static RoleDefinition NoAppend()
        {
            var role = new RoleDefinition { Id = Guid.NewGuid(), Name = "Widget maker without append" };
            role.Privileges[("crmc_widget", AccessRight.Create)] = PrivilegeDepth.Basic;
            role.Privileges[("crmc_widget", AccessRight.Read)] = PrivilegeDepth.Global;
            role.Privileges[("crmc_widget", AccessRight.Write)] = PrivilegeDepth.Basic;
            role.Privileges[("account", AccessRight.Read)] = PrivilegeDepth.Global;
            role.Privileges[("account", AccessRight.AppendTo)] = PrivilegeDepth.Global;
            return role;
        }
    }
}
