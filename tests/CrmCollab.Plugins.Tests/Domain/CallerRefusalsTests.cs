using CrmCollab.Plugins.Domain;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class CallerRefusalsTests
    {
        [Fact]
        public void A_flow_asking_without_rights_about_a_deleted_row_or_with_no_function_is_told_what_to_do_each_under_its_own_code()
        {
            Refusal rights = CallerRefusals.LacksRights("Get Handoff Status", "read the deal (the CrmCollab Salesperson role on their own deals)");
            Refusal missing = CallerRefusals.RowMissing("Resolve Dedicated Owner", "an account");
            Refusal function = CallerRefusals.FunctionUnknown("Resolve Dedicated Owner", 4242);

            Assert.Equal((RefusalCodes.CallerRights, RefusalCodes.RecordNotFound, RefusalCodes.FunctionUnknown), (rights.Code, missing.Code, function.Code));
            Assert.Equal("Get Handoff Status reads with your rights, and you may not read all it needs: you must be allowed to read the deal " +
                "(the CrmCollab Salesperson role on their own deals). Ask your CrmCollab administrator for such a role.", rights.Text);
            Assert.StartsWith("Resolve Dedicated Owner was asked about an account that does not exist", missing.Text);
            Assert.Contains("4242 is not one", function.Text);
            Assert.Contains("none is not one", CallerRefusals.FunctionUnknown("Resolve Dedicated Owner", null).Text);
        }
    }
}
