using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class HandoverShareTests
    {
        [Theory]
        [InlineData(HandoverShare.Leaver), InlineData(HandoverShare.NotYetHeld), InlineData(HandoverShare.LeftWithDisabledOwners),
         InlineData(HandoverShare.BackWithItsOwner), InlineData(HandoverShare.WaitingSinceOwnerLeft)]
        public void A_share_of_each_pass_reads_back_as_written(string pass)
        {
            HandoverShare read = HandoverShare.Read(new HandoverShare { Share = new WorkShare { Index = 2, Count = 4 }, Pass = pass }.Write());

            Assert.Equal((2, 4, pass), (read.Share.Index, read.Share.Count, read.Pass));
        }

        [Theory]
        [InlineData(null), InlineData("v1|0|1"), InlineData("v1|0|1|someone"), InlineData("v1|1|1|leaver"), InlineData("v1|0|1|leaver|x")]
        public void A_text_this_version_did_not_write_is_no_share(string text)
        {
            Assert.Null(HandoverShare.Read(text));
        }
    }
}
