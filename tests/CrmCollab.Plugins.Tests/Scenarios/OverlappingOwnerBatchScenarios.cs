using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// One account has one dedicated owner per function at a time, also when two overlapping rows arrive in one request.
    /// Whether each row's PreOperation check runs before the other row is saved (CreateMultiple, UpdateMultiple) is not
    /// documented; a PostOperation check runs after its own row is saved, inside the same transaction, so the row saved
    /// second always sees the first. Each scenario runs on the organisation as shipped, and on one where each row's
    /// PreOperation check ran before the other row was saved (those steps are left out: with no earlier row, they would
    /// have seen nothing to clash with).
    /// </summary>
    public class OverlappingOwnerBatchScenarios
    {
        private static readonly string[] Touched = { "crmc_dedicatedowner" };
        private CrmCollabOrg _org;
        private Guid _account, _lena, _marc;

        /// <param name="setStateRunsNoUpdateStep">No page says a SetState runs the Update steps: leave the row's Update steps out too.</param>
        private void Start(bool preChecksSawNoSibling, bool setStateRunsNoUpdateStep = false)
        {
            _org = new CrmCollabOrg((solution, options) =>
            {
                if (preChecksSawNoSibling)
                    solution.Steps.RemoveAll(s => s.PluginTypeName == typeof(Routing.DedicatedOwnerValidation).FullName
                        && s.PrimaryEntity == "crmc_dedicatedowner"
                        && (s.Stage == StepStage.PreOperation || (setStateRunsNoUpdateStep && s.MessageName == "Update")));
            });
            _account = _org.Account("Contoso");
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _marc = _org.User("Marc Logistics", "CrmCollab Logistics");
        }

        private Entity Row(Guid user, DateTime from, DateTime? to = null, Guid? id = null)
        {
            var row = new Entity("crmc_dedicatedowner", id ?? Guid.Empty)
            {
                ["crmc_name"] = "Logistics owner",
                ["crmc_accountid"] = new EntityReference("account", _account),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
                ["crmc_userid"] = new EntityReference("systemuser", user),
                ["crmc_validfrom"] = from,
            };
            if (to.HasValue) row["crmc_validto"] = to.Value;
            return row;
        }

        private int Rows()
        {
            var query = new QueryExpression("crmc_dedicatedowner") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, _account);
            return _org.System.RetrieveMultiple(query).Entities.Count;
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Two_logistics_owners_for_the_same_months_sent_in_one_create_multiple_are_refused(bool preChecksSawNoSibling)
        {
            Start(preChecksSawNoSibling);
            DateTime january = CrmCollabOrg.Start.Date.AddMonths(1);
            var batch = new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { Row(_lena, january), Row(_marc, january.AddMonths(2)) }) { EntityName = "crmc_dedicatedowner" },
            };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => _org.As(_org.Admin).Execute(batch), Touched);
            Assert.Contains("one dedicated owner per function at a time", refusal);
            Assert.Equal(0, Rows());
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Two_logistics_owners_for_the_same_months_sent_in_one_transaction_are_refused(bool preChecksSawNoSibling)
        {
            Start(preChecksSawNoSibling);
            DateTime january = CrmCollabOrg.Start.Date.AddMonths(1);

            _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Admin),
                new CreateRequest { Target = Row(_lena, january) }, new CreateRequest { Target = Row(_marc, january, january.AddMonths(3)) }), Touched);
            Assert.Equal(0, Rows());
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_second_logistics_owner_created_on_its_own_for_the_same_months_is_refused(bool preChecksSawNoSibling)
        {
            Start(preChecksSawNoSibling);
            DateTime january = CrmCollabOrg.Start.Date.AddMonths(1);
            IOrganizationService admin = _org.As(_org.Admin);
            admin.Create(Row(_lena, january, january.AddMonths(6)));

            string refusal = _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => admin.Create(Row(_marc, january.AddMonths(5))), Touched);
            Assert.StartsWith("The user Lena Logistics is already this account's Logistics dedicated owner", refusal);
            Assert.Equal(1, Rows());
            admin.Create(Row(_marc, january.AddMonths(6).AddDays(1))); // after Lena's period: fine
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Two_consecutive_owners_moved_onto_the_same_months_in_one_update_multiple_are_refused(bool preChecksSawNoSibling)
        {
            Start(preChecksSawNoSibling);
            DateTime january = CrmCollabOrg.Start.Date.AddMonths(1);
            IOrganizationService admin = _org.As(_org.Admin);
            Guid first = admin.Create(Row(_lena, january, january.AddMonths(3)));
            Guid second = admin.Create(Row(_marc, january.AddMonths(4)));

            _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => CrmCollabOrg.InUpdateMultiple(admin,
                new Entity("crmc_dedicatedowner", first) { ["crmc_validto"] = january.AddMonths(5) },
                new Entity("crmc_dedicatedowner", second) { ["crmc_validfrom"] = january.AddMonths(2) }), Touched);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Two_deactivated_logistics_owners_for_the_same_months_made_active_again_in_one_transaction_are_refused(bool preChecksSawNoSibling)
        {
            Start(preChecksSawNoSibling, setStateRunsNoUpdateStep: true);
            DateTime january = CrmCollabOrg.Start.Date.AddMonths(1);
            IOrganizationService admin = _org.As(_org.Admin);
            Guid first = admin.Create(Row(_lena, january));
            admin.Execute(CrmCollabOrg.StateChange("SetState", "crmc_dedicatedowner", first, 1, 2));
            Guid second = admin.Create(Row(_marc, january.AddMonths(1)));
            admin.Execute(CrmCollabOrg.StateChange("SetState", "crmc_dedicatedowner", second, 1, 2));

            _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => CrmCollabOrg.InExecuteTransaction(admin,
                CrmCollabOrg.StateChange("SetState", "crmc_dedicatedowner", first, 0, 1),
                CrmCollabOrg.StateChange("SetStateDynamicEntity", "crmc_dedicatedowner", second, 0, 1)), Touched);
        }
    }
}
