using CrmCollab.Cli.Report;
using Xunit;

namespace CrmCollab.Cli.Tests
{
    /// <summary>The terminal's summary says the same as the report it sums up.</summary>
    public class ReportSummaryTests
    {
        [Fact]
        public void A_functions_handoffs_on_time_read_out_of_the_work_its_rate_counts_done_and_overdue_now()
        {
            // Logistics: 3 delivered on time, 1 late, 4 past their due date and still open.
            var logistics = new GroupFigure
            {
                Function = "Logistics", Count = 4, OnTime = 3, Late = 1, Overdue = 4, OpenInTime = 2,
                Rate = LatenessAnalysis.OnTimeRate(3, 4, 4), Status = "red",
            };

            // Before: "3 / 4 (37.5 %, red)", a fraction that is not the rate printed beside it.
            Assert.Equal("3 / 8 (37.5 %, red)", ReportSummary.OnTimeCell(logistics));
        }
    }
}
