using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A handoff is accepted by its owner and closes only once its delivery or contract is traced.</summary>
    public class HandoffEvidenceScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _alice, _lena, _deal;

        public HandoffEvidenceScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV");
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber,crmc_deliveredon");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice);
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(account);
            _org.Win(_deal);
        }

        private void Close(Guid task, Guid asUser) => _org.As(asUser).Execute(new SetStateRequest
        {
            EntityMoniker = new EntityReference("task", task), State = new OptionSetValue(1), Status = new OptionSetValue(5),
        });

        [Fact]
        public void A_logistics_task_closes_only_with_its_tracking_number_and_delivery_date()
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

            Assert.Contains("fill in Tracking number, Delivered on first", CrmCollabOrg.Refusal(() => Close(task, _lena)));
            _org.As(_lena).Update(new Entity("task", task) { ["crmc_trackingnumber"] = "1Z999" });
            Assert.Contains("fill in Delivered on first", CrmCollabOrg.Refusal(() => _org.As(_lena).Update(new Entity("task", task)
            {
                ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            })));

            _org.As(_lena).Update(new Entity("task", task)
            {
                ["crmc_deliveredon"] = CrmCollabOrg.Start.AddDays(3), ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });

            Entity closed = _org.Row("task", task, "statecode", "actualend", "crmc_closedontime");
            Assert.Equal(1, closed.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal(_org.Engine.Clock.UtcNow.Date, closed.GetAttributeValue<DateTime>("actualend").Date);
            Assert.True(closed.GetAttributeValue<bool>("crmc_closedontime")); // done well before its due date, stamped by the server
            Assert.Contains("Closed on time", CrmCollabOrg.Refusal(() => _org.As(_lena).Update(new Entity("task", task) { ["crmc_closedontime"] = false })));
        }

        [Fact]
        public void Only_the_owner_accepts_a_handoff_and_the_server_dates_it()
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            var typed = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

            Assert.Contains("Only the owner of this handoff", CrmCollabOrg.Refusal(() =>
                _org.System.Update(new Entity("task", task) { ["crmc_acceptedon"] = typed })));
            _org.Engine.Clock.Advance(TimeSpan.FromHours(3));
            _org.As(_lena).Update(new Entity("task", task) { ["crmc_acceptedon"] = typed });

            DateTime accepted = _org.Row("task", task, "crmc_acceptedon").GetAttributeValue<DateTime>("crmc_acceptedon");
            Assert.Equal(CrmCollabOrg.Start.AddHours(3), accepted, TimeSpan.FromSeconds(1));
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("Upsert")]
        [InlineData("UpdateMultiple")]
        public void An_accepted_handoff_stays_accepted_so_a_late_acceptance_cannot_be_taken_out_of_the_figures(string channel)
        {
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.Engine.Clock.Advance(TimeSpan.FromDays(4)); // accepted late: it weighs on the function's time to accept
            _org.As(_lena).Update(new Entity("task", task) { ["crmc_acceptedon"] = CrmCollabOrg.Start });
            var clear = new Entity("task", task) { ["crmc_acceptedon"] = null };
            IOrganizationService lena = _org.As(_lena);
            Action attempt;
            switch (channel)
            {
                case "Upsert": attempt = () => CrmCollabOrg.InUpsert(lena, clear); break;
                case "UpdateMultiple": attempt = () => CrmCollabOrg.InUpdateMultiple(lena, clear); break;
                default: attempt = () => lena.Update(clear); break;
            }

            string message = _org.Refused(RefusalCodes.HandoffAcceptanceKept, attempt, "task");
            Assert.StartsWith("This handoff was accepted", message);
            _org.Refused(RefusalCodes.HandoffAcceptanceKept, () => _org.As(_org.Admin).Update(clear), "task");

            // Completed, the acceptance is as much the record as the evidence.
            lena.Update(new Entity("task", task)
            {
                ["crmc_trackingnumber"] = "1Z999", ["crmc_deliveredon"] = CrmCollabOrg.Start.AddDays(4),
                ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
            });
            _org.Refused(RefusalCodes.HandoffAcceptanceKept, attempt, "task");
            Assert.Equal(CrmCollabOrg.Start.AddDays(4), _org.Row("task", task, "crmc_acceptedon").GetAttributeValue<DateTime>("crmc_acceptedon"), TimeSpan.FromSeconds(1));
        }

        [Fact]
        public void A_member_of_the_owning_team_may_accept()
        {
            Guid team = _org.Setup.CreateTeam("Logistics North", _org.Operations, Emulator.Security.TeamType.Owner, "CrmCollab Logistics");
            _org.Setup.AddMembers(team, _lena);
            Guid task = _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;
            _org.System.Update(new Entity("task", task) { ["ownerid"] = new EntityReference("team", team) });
            _org.Engine.Clock.Advance(TimeSpan.FromHours(1));

            _org.As(_lena).Update(new Entity("task", task) { ["crmc_acceptedon"] = CrmCollabOrg.Start });

            DateTime accepted = _org.Row("task", task, "crmc_acceptedon").GetAttributeValue<DateTime>("crmc_acceptedon");
            Assert.Equal(CrmCollabOrg.Start.AddHours(1), accepted, TimeSpan.FromSeconds(1)); // server time, not the typed one
        }
    }
}
