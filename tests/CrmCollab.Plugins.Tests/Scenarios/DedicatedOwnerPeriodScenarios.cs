using System;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Alice handles Litware's sales administration until the end of November; Bruno takes over on 1 December. Nobody saves
    /// either row that day, and a plug-in has no timer: the flow the administrator scheduled each morning calls the Re-route
    /// Dedicated Owner Periods action, which hands the account's open work to the owner of the day.
    /// </summary>
    public class DedicatedOwnerPeriodScenarios
    {
        private static readonly DateTime LastDayOfAlice = new DateTime(2026, 11, 30), FirstDayOfBruno = new DateTime(2026, 12, 1);
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _bruno, _litware, _deal;

        public DedicatedOwnerPeriodScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            _bruno = _org.User("Bruno ADV", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 20, 10);
            _litware = _org.Account("Litware");
            _org.DedicatedOwner(_litware, BusinessFunction.Adv, user: _alice, to: LastDayOfAlice);
            _org.DedicatedOwner(_litware, BusinessFunction.Adv, user: _bruno, from: FirstDayOfBruno);
            _deal = _org.Deal(_litware);
            _org.Win(_deal);
        }

        private Guid ContractOwner(Guid deal) => _org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<EntityReference>("ownerid").Id;

        /// <summary>The scheduled flow's call ("Perform an unbound action"), as the administrator its connection runs as.</summary>
        private OrganizationResponse MorningRun(DateTime morning, DateTime? fromDate = null, Guid? afterRow = null, Guid? asUser = null)
        {
            _org.Engine.Clock.Set(morning);
            var request = new OrganizationRequest(OwnerPeriodRerouting.ApiName);
            if (fromDate.HasValue) request[OwnerPeriodRerouting.FromDate] = fromDate.Value;
            if (afterRow.HasValue) request[OwnerPeriodRerouting.AfterRowId] = afterRow.Value;
            OrganizationResponse response = _org.As(asUser ?? _org.Admin).Execute(request);
            _org.Engine.DrainAsync();
            return response;
        }

        private static int Applied(OrganizationResponse response) => (int)response.Results[OwnerPeriodRerouting.RowsApplied];

        [Fact]
        public void On_the_first_of_december_the_morning_run_hands_alices_open_contract_to_bruno()
        {
            Assert.Equal(_alice, ContractOwner(_deal));

            OrganizationResponse response = MorningRun(FirstDayOfBruno.AddHours(6));

            Assert.Equal(_bruno, ContractOwner(_deal));
            // Alice's row ended and Bruno's began: two rows, one re-routing of Litware's sales administration.
            Assert.Equal(2, Applied(response));
            Assert.Equal(1, (int)response.Results[OwnerPeriodRerouting.BackgroundRuns]);
            Assert.False((bool)response.Results[OwnerPeriodRerouting.MoreRows]);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void On_alices_last_day_the_morning_run_leaves_her_the_contract()
        {
            OrganizationResponse response = MorningRun(LastDayOfAlice.AddHours(6));

            Assert.Equal(_alice, ContractOwner(_deal));
            Assert.Equal(0, Applied(response));
        }

        [Fact]
        public void A_morning_run_that_failed_on_the_first_is_caught_up_the_next_day_and_a_second_run_moves_nothing_more()
        {
            OrganizationResponse second = MorningRun(FirstDayOfBruno.AddDays(1).AddHours(6)); // from yesterday, the 1st

            Assert.Equal(_bruno, ContractOwner(_deal));
            Assert.Equal(2, Applied(second));

            // A second run the same morning (the flow retried) covers the 1st again: the work is already where routing sends it.
            MorningRun(FirstDayOfBruno.AddDays(1).AddHours(7));
            Assert.Equal(_bruno, ContractOwner(_deal));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void After_a_week_without_runs_the_administrator_names_the_first_missed_day()
        {
            DateTime week = FirstDayOfBruno.AddDays(7).AddHours(9);
            Assert.Equal(0, Applied(MorningRun(week)));          // from yesterday only: the 1st is out of reach
            Assert.Equal(_alice, ContractOwner(_deal));

            Assert.Equal(2, Applied(MorningRun(week, fromDate: FirstDayOfBruno)));
            Assert.Equal(_bruno, ContractOwner(_deal));
        }

        [Fact]
        public void An_ending_period_with_no_successor_sends_the_work_to_the_segment_desk()
        {
            Guid carol = _org.User("Carol ADV desk", "CrmCollab ADV", _org.Operations);
            _org.Rule("ADV desk", BusinessFunction.Adv, carol);
            Guid contoso = _org.Account("Contoso");
            _org.DedicatedOwner(contoso, BusinessFunction.Adv, user: _alice, to: LastDayOfAlice);
            _org.Engine.DrainAsync();
            Guid deal = _org.Deal(contoso);
            _org.Win(deal);
            Assert.Equal(_alice, ContractOwner(deal));

            MorningRun(FirstDayOfBruno.AddHours(6));

            Assert.Equal(carol, ContractOwner(deal));
        }

        [Fact]
        public void A_deactivated_row_is_not_applied_again()
        {
            Guid contoso = _org.Account("Contoso");
            Guid row = _org.DedicatedOwner(contoso, BusinessFunction.Sav, user: _alice, to: LastDayOfAlice);
            _org.As(_org.Admin).Update(new Entity("crmc_dedicatedowner", row) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
            _org.Engine.DrainAsync();

            Assert.Equal(2, Applied(MorningRun(FirstDayOfBruno.AddHours(6)))); // Litware's two rows only
        }

        [Fact]
        public void Many_periods_ending_the_same_day_are_applied_call_by_call_each_continuing_after_the_last_row()
        {
            int accounts = OwnerPeriodRerouting.RowsPerCall + 10;
            for (int i = 0; i < accounts; i++)
                _org.DedicatedOwner(_org.Account($"Fabrikam Store {i}"), BusinessFunction.Sav, user: _alice, to: LastDayOfAlice);
            _org.Engine.DrainAsync();

            OrganizationResponse first = MorningRun(FirstDayOfBruno.AddHours(6));
            Assert.True((bool)first.Results[OwnerPeriodRerouting.MoreRows]);
            Assert.Equal(OwnerPeriodRerouting.RowsPerCall, Applied(first));

            OrganizationResponse rest = MorningRun(FirstDayOfBruno.AddHours(6.1), afterRow: (Guid)first.Results[OwnerPeriodRerouting.LastRowId]);
            Assert.False((bool)rest.Results[OwnerPeriodRerouting.MoreRows]);
            Assert.Equal(accounts + 2 - OwnerPeriodRerouting.RowsPerCall, Applied(rest));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_group_whose_owner_changes_on_the_first_hands_over_the_contracts_of_more_stores_than_one_run_takes_share_by_share()
        {
            Guid group = _org.Account("Litware Group");
            _org.DedicatedOwner(group, BusinessFunction.Adv, user: _alice, to: LastDayOfAlice);
            _org.DedicatedOwner(group, BusinessFunction.Adv, user: _bruno, from: FirstDayOfBruno);
            Guid[] deals = Enumerable.Range(0, RoutingRuleChange.MaxAccountsPerRun + 30).Select(i =>
            {
                Guid deal = _org.Deal(_org.Account($"Litware Store {i}", parent: group));
                _org.Win(deal);
                return deal;
            }).ToArray();
            Assert.All(deals, deal => Assert.Equal(_alice, ContractOwner(deal)));

            OrganizationResponse response = MorningRun(FirstDayOfBruno.AddHours(6));

            Assert.All(deals, deal => Assert.Equal(_bruno, ContractOwner(deal)));
            // Litware's own row (one run) and the group's: 281 accounts, more than one run takes, in shares of about 200.
            Assert.Equal(1 + 2, (int)response.Results[OwnerPeriodRerouting.BackgroundRuns]);
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void A_day_to_come_is_refused_with_a_sentence_and_moves_nothing()
        {
            var ex = Assert.Throws<FaultException<OrganizationServiceFault>>(() => MorningRun(FirstDayOfBruno.AddHours(6), fromDate: FirstDayOfBruno.AddDays(3)));

            Assert.Equal(RefusalCodes.OwnerPeriodDayToCome, Refusal.CodeOf(ex.Detail.Message));
            Assert.Equal(_alice, ContractOwner(_deal));
        }

        [Fact]
        public void A_salesperson_cannot_run_the_re_routing()
        {
            var ex = Assert.Throws<FaultException<OrganizationServiceFault>>(() => MorningRun(FirstDayOfBruno.AddHours(6), asUser: _org.Rep));

            Assert.Contains("prvWritecrmc_DedicatedOwner", ex.Detail.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(_alice, ContractOwner(_deal));
        }

        [Fact]
        public void The_run_inside_a_batch_of_the_flow_answers_as_alone()
        {
            _org.Engine.Clock.Set(FirstDayOfBruno.AddHours(6));
            var batch = new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = true },
                Requests = new OrganizationRequestCollection { new OrganizationRequest(OwnerPeriodRerouting.ApiName) },
            };
            var response = (ExecuteMultipleResponse)_org.As(_org.Admin).Execute(batch);
            _org.Engine.DrainAsync();

            Assert.Equal(2, Applied(response.Responses.Single().Response));
            Assert.Equal(_bruno, ContractOwner(_deal));
        }
    }
}
