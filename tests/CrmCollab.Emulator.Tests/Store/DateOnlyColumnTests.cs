using System;
using System.IO;
using CrmCollab.Emulator.Solution;
using CrmCollab.Emulator.Tests.Engine;
using CrmCollab.Emulator.Tests.Solution;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// A Date Only column (DateTimeBehavior.DateOnly, solution XML Behavior 2) stores its date alone: "the time portion is
    /// not stored" (Microsoft Learn, "Behavior and format of the Date and Time column"; DateTimeBehavior.DateOnly stores
    /// the date with the time as 12:00 AM). An integration sending a delivery day as 15:00 on that day reads back the day.
    /// </summary>
    public class DateOnlyColumnTests
    {
        private static readonly DateTime Day = new DateTime(2026, 4, 14, 0, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void A_delivery_day_sent_at_15_00_is_stored_and_read_back_as_that_day_on_create_and_on_update()
        {
            var org = new TestOrg();
            var svc = org.Boot().SystemService;
            Guid id = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "W1", ["crmc_dueday"] = Day.AddHours(15) });

            Assert.Equal(Day, svc.Retrieve("crmc_widget", id, new ColumnSet("crmc_dueday")).GetAttributeValue<DateTime>("crmc_dueday"));

            svc.Update(new Entity("crmc_widget", id) { ["crmc_dueday"] = Day.AddDays(1).AddHours(9).AddMinutes(30) });

            Assert.Equal(Day.AddDays(1), svc.Retrieve("crmc_widget", id, new ColumnSet("crmc_dueday")).GetAttributeValue<DateTime>("crmc_dueday"));
        }

        [Fact]
        public void A_date_and_time_column_keeps_its_time()
        {
            var svc = new TestOrg().Boot().SystemService;
            Guid id = svc.Create(new Entity("crmc_widget") { ["crmc_name"] = "W2", ["crmc_startedat"] = Day.AddHours(15) });

            Assert.Equal(Day.AddHours(15), svc.Retrieve("crmc_widget", id, new ColumnSet("crmc_startedat")).GetAttributeValue<DateTime>("crmc_startedat"));
        }

        [Fact]
        public void The_deals_requested_delivery_ships_as_a_Date_Only_column()
        {
            var solution = SolutionLoader.Load(Path.Combine(SolutionFixture.RepoRoot, "solution"));

            Assert.True(solution.Catalog.Table("opportunity").Column("crmc_requesteddelivery").IsDateOnly);
        }
    }
}
