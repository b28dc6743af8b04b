using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class WorkShareTests
    {
        [Fact]
        public void Work_one_run_can_take_is_not_split_and_more_is_split_into_shares_of_about_two_hundred()
        {
            Assert.Equal(1, WorkShare.SharesFor(250, 250));
            Assert.Equal(2, WorkShare.SharesFor(251, 250));
            Assert.Equal(3, WorkShare.SharesFor(401, 250));
        }

        [Fact]
        public void A_share_reads_back_as_written_and_a_text_this_version_did_not_write_is_no_share()
        {
            WorkShare read = WorkShare.Read(new WorkShare { Index = 4, Count = 9 }.Write());
            Assert.Equal((4, 9), (read.Index, read.Count));
            foreach (string text in new[] { null, "", "v1|9|9", "v1|-1|2", "v1|0|0", "v2|0|2", "v1|x|2", "v1|0" })
                Assert.Null(WorkShare.Read(text));
        }

        [Theory]
        [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), InlineData("00000000-0000-0000-0000-000000000000"),
         InlineData("c0a8e8b4-6e1c-ef11-840a-000d3a4f8b21"), InlineData("ffffffff-ffff-ffff-ffff-ffffffffffff")]
        public void Every_record_falls_in_exactly_one_share_and_the_shares_are_even_for_ids_made_in_sequence(string first)
        {
            const int Shares = 5;
            // Dataverse makes ids in sequence: most bytes shared, a few counting up.
            byte[] seed = Guid.Parse(first).ToByteArray();
            var ids = Enumerable.Range(0, 10_000).Select(i =>
            {
                byte[] bytes = (byte[])seed.Clone();
                bytes[10] = (byte)(i >> 8);
                bytes[11] = (byte)i;
                return new Guid(bytes);
            }).ToList();

            var counts = ids.GroupBy(id => WorkShare.ShareOf(id, Shares)).ToDictionary(g => g.Key, g => g.Count());

            // 2,000 each on average; a random split strays by about 40 (one standard deviation).
            Assert.Equal(Enumerable.Range(0, Shares), counts.Keys.OrderBy(k => k));
            Assert.All(counts.Values, count => Assert.InRange(count, 1_800, 2_200));
            var share = new WorkShare { Index = 2, Count = Shares };
            Assert.All(ids, id => Assert.Equal(WorkShare.ShareOf(id, Shares) == 2, share.Takes(id)));
        }
    }
}
