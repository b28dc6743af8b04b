using System;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    /// <summary>
    /// Like the SDK's, a row makes its FormattedValues, RelatedEntities and KeyAttributes collections when they are
    /// first read: most rows a plugin or the engine handles never carry any, and a large query result would otherwise
    /// pay three empty collections per row. The getters still never return null.
    /// </summary>
    public class EntityCollectionsOnFirstUseTests
    {
        private const int Rows = 2000;

        [Fact]
        public void A_row_makes_its_formatted_values_related_rows_and_keys_only_when_they_are_first_read()
        {
            Build(10, read: false);
            Build(10, read: true);

            long unread = AllocatedBy(() => Build(Rows, read: false));
            long read = AllocatedBy(() => Build(Rows, read: true));

            // Three collections, each at least an object and its dictionary: well over 3 x 24 bytes a row.
            long perRow = (read - unread) / Rows;
            Assert.True(perRow >= 3 * 24, $"Reading the three collections cost {perRow} bytes a row: they were made with the row.");
        }

        [Fact]
        public void A_collection_once_made_is_kept_so_reading_it_again_allocates_nothing()
        {
            Entity[] rows = Build(Rows, read: true);

            long again = AllocatedBy(() =>
            {
                foreach (Entity row in rows) Read(row);
            });

            Assert.True(again < Rows, $"Reading made collections again allocated {again} bytes for {Rows} rows.");
        }

        [Fact]
        public void The_collections_are_never_null_and_a_cleared_one_is_made_afresh()
        {
            var row = new Entity("account") { Attributes = null, FormattedValues = null, RelatedEntities = null, KeyAttributes = null };

            Assert.Empty(row.Attributes);
            Assert.Empty(row.FormattedValues);
            Assert.Empty(row.RelatedEntities);
            Assert.Empty(row.KeyAttributes);
            Assert.False(row.Contains("name"));
            Assert.Null(row.GetAttributeValue<string>("name"));
            Assert.Same(row.FormattedValues, row.FormattedValues);
            Assert.Empty(new Entity("account", (KeyAttributeCollection)null).KeyAttributes);
        }

        [Fact]
        public void Keys_given_to_the_constructor_are_used_as_they_are()
        {
            var keys = new KeyAttributeCollection { { "accountnumber", "A-1" } };

            Assert.Same(keys, new Entity("account", keys).KeyAttributes);
            Assert.Equal("A-1", new Entity("account", "accountnumber", "A-1").KeyAttributes["accountnumber"]);
            Assert.Throws<ArgumentNullException>(() => new Entity("account", null, "A-1"));
        }

        private static Entity[] Build(int count, bool read)
        {
            var rows = new Entity[count];
            for (int i = 0; i < count; i++)
            {
                var row = new Entity("account") { ["name"] = "Contoso" };
                if (read) Read(row);
                rows[i] = row;
            }
            return rows;
        }

        private static void Read(Entity row)
        {
            GC.KeepAlive(row.FormattedValues);
            GC.KeepAlive(row.RelatedEntities);
            GC.KeepAlive(row.KeyAttributes);
        }

        private static long AllocatedBy(Action action)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
}
