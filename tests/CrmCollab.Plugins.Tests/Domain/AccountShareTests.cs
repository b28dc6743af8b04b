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

        [Fact]
        public void A_share_of_a_merge_or_a_new_segment_reads_back_with_its_cause_and_no_other_change_takes_it_for_its_own()
        {
            var share = new WorkShare { Index = 0, Count = 2 };
            string merge = new AccountShare { Share = share, AccountId = Guid.NewGuid(), Function = BusinessFunction.Adv, Cause = AccountRerouteCause.Merge }.Write();
            string segment = new AccountShare { Share = share, AccountId = Guid.NewGuid(), Function = BusinessFunction.Adv, Cause = AccountRerouteCause.SegmentChange }.Write();
            string owner = new AccountShare { Share = share, AccountId = Guid.NewGuid(), Function = BusinessFunction.Adv }.Write();

            Assert.Equal(AccountRerouteCause.Merge, AccountShare.Read(merge).Cause);
            Assert.Equal(AccountRerouteCause.SegmentChange, AccountShare.Read(segment).Cause);
            Assert.Equal(AccountRerouteCause.DedicatedOwnerChange, AccountShare.Read(owner).Cause); // the text a share had before causes were written
            Assert.Equal(5, owner.Split('|').Length);
            Assert.Null(ReroutingBatch.Read(merge));
            Assert.Null(DeskShare.Read(segment));
            Assert.Contains("after a merge of accounts", AccountShare.Why(AccountRerouteCause.Merge, new DateTime(2026, 12, 7)));
        }

        [Theory]
        [InlineData(null), InlineData("v1|0|2"), InlineData("v1|0|2|not-an-id|1"), InlineData("v1|0|2|3f2504e0-4f89-11d3-9a0c-0305e82c3301|999"),
         InlineData("v1|0|2|3f2504e0-4f89-11d3-9a0c-0305e82c3301|1|x"), InlineData("v1|0|2|3f2504e0-4f89-11d3-9a0c-0305e82c3301|1|7"),
         InlineData("v1|0|2|3f2504e0-4f89-11d3-9a0c-0305e82c3301|1|1|1")]
        public void A_text_this_version_did_not_write_is_no_share(string text)
        {
            Assert.Null(AccountShare.Read(text));
        }
    }
}
