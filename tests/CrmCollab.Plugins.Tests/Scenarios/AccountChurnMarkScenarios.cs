using System;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An account's churn-risk mark is raised by a churn-risk field signal and cleared by the account's salesperson once
    /// the risk is handled. A sales manager who may edit every account (a role of the customer's org, not CrmCollab's) neither
    /// raises nor clears it by hand, on any path; nobody clears it while a churn-risk signal is still to be acknowledged.
    /// </summary>
    public class AccountChurnMarkScenarios
    {
        private const string SalesManager = "Sales Manager";
        private static readonly string[] Touched = { "account" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) => solution.Roles.Add(SalesManagerRole()));
        private readonly Guid _account, _sally, _manager;

        public AccountChurnMarkScenarios()
        {
            _account = _org.Account("Contoso");
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _manager = _org.User("Mia Manager", SalesManager, _org.Sales);
        }

        /// <summary>Reads, creates and edits every account, as a customer's own sales-manager role does.</summary>
        private static RoleDefinition SalesManagerRole()
        {
            var role = new RoleDefinition { Id = new Guid("7b3c1a52-4d0e-4c8e-9a51-2f6d8e0c1b97"), Name = SalesManager };
            foreach (AccessRight right in new[] { AccessRight.Read, AccessRight.Create, AccessRight.Write, AccessRight.Append, AccessRight.AppendTo })
                role.Privileges[("account", right)] = PrivilegeDepth.Global;
            role.Privileges[("systemuser", AccessRight.Read)] = PrivilegeDepth.Global;
            return role;
        }

        private bool Marked(Guid account) => _org.Row("account", account, "crmc_churnrisk").GetAttributeValue<bool?>("crmc_churnrisk") == true;

        private static Entity Mark(Guid account, bool? value) => new Entity("account", account) { ["crmc_churnrisk"] = value };

        [Fact]
        public void A_churn_mark_is_cleared_only_by_the_salesperson_and_only_once_its_signals_are_acknowledged()
        {
            Guid signal = _org.Signal(_account, SignalKind.ChurnRisk, _sally, "Their buyer is talking to a competitor");
            Assert.True(Marked(_account));
            IOrganizationService manager = _org.As(_manager), rep = _org.As(_org.Rep);

            string notTheirs = _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => manager.Update(Mark(_account, false)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => CrmCollabOrg.InExecuteMultiple(manager, new UpdateRequest { Target = Mark(_account, null) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => CrmCollabOrg.InExecuteTransaction(manager, new UpdateRequest { Target = Mark(_account, false) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => CrmCollabOrg.InUpsert(manager, Mark(_account, false)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => CrmCollabOrg.InUpdateMultiple(manager, Mark(_account, false)), Touched);
            string unread = _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => rep.Update(Mark(_account, false)), Touched);

            Assert.Equal("Only the account's salesperson clears its churn-risk mark, once the risk is handled. Ask them, or leave the " +
                "mark out of the change and save again. [CRMC-ACCOUNT-CHURN-MARK]", notTheirs);
            Assert.Equal("A churn-risk signal about this account is still to be acknowledged. Acknowledge it first, then clear the " +
                "mark. [CRMC-ACCOUNT-CHURN-MARK]", unread);
            manager.Update(new Entity("account", _account) { ["name"] = "Contoso Ltd", ["crmc_churnrisk"] = true }); // as it is: passes
            Assert.True(Marked(_account));

            rep.Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start });
            _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => manager.Update(Mark(_account, false)), Touched);
            rep.Update(Mark(_account, false));
            Assert.False(Marked(_account));
        }

        [Fact]
        public void Only_the_salesperson_marks_an_account_at_churn_risk_by_hand_others_raise_a_signal()
        {
            IOrganizationService manager = _org.As(_manager), rep = _org.As(_org.Rep);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => manager.Update(Mark(_account, true)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => CrmCollabOrg.InUpsert(manager, Mark(_account, true)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => manager.Create(new Entity("account")
            {
                ["name"] = "Fabrikam", ["crmc_churnrisk"] = true, ["ownerid"] = new EntityReference("systemuser", _org.Rep),
            }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => CrmCollabOrg.InUpsert(manager, new Entity("account", Guid.NewGuid())
            {
                ["name"] = "Fabrikam", ["crmc_churnrisk"] = true, ["ownerid"] = new EntityReference("systemuser", _org.Rep),
            }), Touched); // an Upsert that creates
            _org.RefusedNamingNoId(RefusalCodes.AccountChurnMark, () => _org.As(_org.Rep).Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new System.Collections.Generic.List<Entity>
                {
                    new Entity("account") { ["name"] = "Northwind", ["crmc_churnrisk"] = true, ["ownerid"] = new EntityReference("systemuser", _manager) },
                }) { EntityName = "account" },
            }), Touched);
            Assert.Equal("Only the account's salesperson marks it at churn risk. Raise a churn-risk field signal instead: it reaches " +
                "the salesperson and marks the account. [CRMC-ACCOUNT-CHURN-MARK]", refusal);
            Assert.False(Marked(_account));

            rep.Update(Mark(_account, true)); // the salesperson marks their own account
            Assert.True(Marked(_account));
            rep.Update(Mark(_account, false)); // and clears it: no signal waits
            Assert.True(Marked(manager.Create(new Entity("account") { ["name"] = "Fabrikam", ["crmc_churnrisk"] = true }))); // the manager's own
            Guid upserted = Guid.NewGuid();
            CrmCollabOrg.InUpsert(manager, new Entity("account", upserted) { ["name"] = "Litware", ["crmc_churnrisk"] = true });
            Assert.True(Marked(upserted)); // created by an Upsert, owned by whoever upserts it
        }

        [Fact]
        public void A_merge_writes_neither_column_by_hand_even_where_the_account_update_steps_would_not_run()
        {
            // No page says a merge's UpdateContent runs the master's Update steps: without them, the Merge step still holds.
            var org = new CrmCollabOrg((solution, options) =>
                solution.Steps.RemoveAll(step => step.Id == new Guid("5a2f9476-3ad5-552f-a3b7-c0875df19804")));
            Guid account = org.Account("Contoso"), duplicate = org.Account("Contoso Ltd");
            org.Signal(account, SignalKind.ChurnRisk, org.User("Sally SAV", "CrmCollab SAV"), "Their buyer is talking to a competitor");
            IOrganizationService rep = org.As(org.Rep);
            MergeRequest Merge(Entity content) => new MergeRequest
            {
                Target = new EntityReference("account", account), SubordinateId = duplicate, UpdateContent = content,
            };

            org.RefusedNamingNoId(RefusalCodes.AccountChurnMark,
                () => rep.Execute(Merge(new Entity("account") { ["crmc_churnrisk"] = false })), "account", "opportunity");
            org.RefusedNamingNoId(RefusalCodes.AccountSignalDate,
                () => rep.Execute(Merge(new Entity("account") { ["crmc_lastsignalon"] = CrmCollabOrg.Start.AddDays(30) })), "account", "opportunity");
            rep.Execute(Merge(new Entity("account") { ["name"] = "Contoso Group" }));

            Assert.True(org.Row("account", account, "crmc_churnrisk").GetAttributeValue<bool>("crmc_churnrisk"));
            Assert.Equal("Contoso Group", org.Row("account", account, "name").GetAttributeValue<string>("name"));
        }
    }
}
