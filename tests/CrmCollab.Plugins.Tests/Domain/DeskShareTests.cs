using System;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class DeskShareTests
    {
        [Fact]
        public void A_share_of_a_setting_change_reads_back_with_the_desk_named_before()
        {
            Guid desk = Guid.NewGuid(), record = Guid.NewGuid();
            DeskShare read = DeskShare.Read(new DeskShare { Share = new WorkShare { Index = 2, Count = 4 }, FormerDesk = desk, SettingChanged = true }.Write());

            Assert.Equal((2, 4, (Guid?)desk, true), (read.Share.Index, read.Share.Count, read.FormerDesk, read.SettingChanged));
            Assert.Equal(WorkShare.ShareOf(record, 4) == 2, read.Takes(record));
        }

        [Fact]
        public void A_share_of_a_desk_set_up_where_the_setting_named_none_reads_back_without_a_former_desk()
        {
            DeskShare read = DeskShare.Read(new DeskShare { Share = new WorkShare { Index = 0, Count = 2 } }.Write());

            Assert.Null(read.FormerDesk);
            Assert.False(read.SettingChanged);
        }

        [Fact]
        public void An_account_written_by_another_change_holds_no_desk_share_and_a_desk_share_is_no_other_change()
        {
            var share = new WorkShare { Index = 0, Count = 2 };
            string rule = new ReroutingBatch { Share = share, Function = BusinessFunction.Adv }.Write();
            string account = new AccountShare { Share = share, AccountId = Guid.NewGuid(), Function = BusinessFunction.Adv }.Write();
            string desk = new DeskShare { Share = share, FormerDesk = Guid.NewGuid(), SettingChanged = true }.Write();

            Assert.Null(DeskShare.Read(rule));
            Assert.Null(DeskShare.Read(account));
            Assert.Null(ReroutingBatch.Read(desk));
            Assert.Null(AccountShare.Read(desk));
        }

        [Theory]
        [InlineData(null), InlineData("v1|0|2|desk|-"), InlineData("v1|0|2|desk|not-an-id|1"), InlineData("v1|0|2|desk|-|2"),
         InlineData("v1|0|2|other|-|1"), InlineData("v1|2|2|desk|-|1"), InlineData("v1|0|2|desk|-|1|x")]
        public void A_text_this_version_did_not_write_is_no_desk_share(string text)
        {
            Assert.Null(DeskShare.Read(text));
        }
    }
}
