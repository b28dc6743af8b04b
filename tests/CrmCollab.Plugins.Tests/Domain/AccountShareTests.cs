using System;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class AccountShareTests
    {
        [Fact]
        public void A_share_written_on_a_dedicated_owner_row_reads_back_with_its_top_account_and_function()
        {
            Guid group = Guid.NewGuid();
            AccountShare read = AccountShare.Read(new AccountShare { Share = new WorkShare { Index = 1, Count = 3 }, AccountId = group, Function = BusinessFunction.Sav }.Write());

            Assert.Equal((1, 3, group, BusinessFunction.Sav), (read.Share.Index, read.Share.Count, read.AccountId, read.Function));
            Assert.Equal(WorkShare.ShareOf(group, 3) == 1, read.Takes(group));
        }

        [Theory]
        [InlineData(null), InlineData("v1|0|2"), InlineData("v1|0|2|not-an-id|1"), InlineData("v1|0|2|3f2504e0-4f89-11d3-9a0c-0305e82c3301|999"),
         InlineData("v1|0|2|3f2504e0-4f89-11d3-9a0c-0305e82c3301|1|x")]
        public void A_text_this_version_did_not_write_is_no_share(string text)
        {
            Assert.Null(AccountShare.Read(text));
        }
    }
}
