using System;
using System.Linq;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>The equality index finds a key's rows as the query engine would compare the values.</summary>
    public class RowIndexTests
    {
        private static Entity Task(Guid id, object key) => new Entity("task", id) { ["crmc_handoffkey"] = key };

        [Fact]
        public void A_key_with_one_row_then_two_then_one_again_finds_exactly_those()
        {
            Guid a = Guid.NewGuid(), b = Guid.NewGuid();
            var index = new RowIndex("crmc_handoffkey", new[] { Task(a, "ADV-1") });
            Assert.Equal(new[] { a }, index.Find("ADV-1"));
            index.Add(Task(b, "ADV-1"));
            Assert.Equal(new[] { a, b }.OrderBy(g => g), index.Find("ADV-1").OrderBy(g => g));
            index.Remove(Task(a, "ADV-1"));
            Assert.Equal(new[] { b }, index.Find("ADV-1"));
            index.Remove(Task(b, "ADV-1"));
            Assert.Empty(index.Find("ADV-1"));
        }

        [Fact]
        public void Text_is_found_whatever_its_case_and_a_lookup_by_its_id()
        {
            Guid a = Guid.NewGuid(), deal = Guid.NewGuid();
            var index = new RowIndex("crmc_handoffkey", new[] { Task(a, "Adv-Contract") });
            Assert.Equal(new[] { a }, index.Find("ADV-CONTRACT"));
            var lookups = new RowIndex("crmc_handoffkey", new[] { Task(a, new EntityReference("opportunity", deal)) });
            Assert.Equal(new[] { a }, lookups.Find(deal));
            Assert.Equal(new[] { a }, lookups.Find(new EntityReference("opportunity", deal)));
            Assert.Empty(lookups.Find(Guid.NewGuid()));
        }

        [Fact]
        public void A_new_version_of_a_row_moves_it_to_its_new_key_and_keeps_it_where_the_key_did_not_change()
        {
            Guid a = Guid.NewGuid(), b = Guid.NewGuid();
            Entity first = Task(a, "ADV-1");
            var index = new RowIndex("crmc_handoffkey", new[] { first, Task(b, "ADV-1") });
            index.Nulls(Array.Empty<Entity>());

            Entity sameInstance = Task(a, first["crmc_handoffkey"]);
            index.Replace(first, sameInstance);
            Assert.Equal(new[] { a, b }.OrderBy(g => g), index.Find("ADV-1").OrderBy(g => g));

            Entity otherCase = Task(a, "adv-1");
            index.Replace(sameInstance, otherCase);
            Assert.Equal(new[] { a, b }.OrderBy(g => g), index.Find("ADV-1").OrderBy(g => g));

            Entity moved = Task(a, "ADV-2");
            index.Replace(otherCase, moved);
            Assert.Equal(new[] { b }, index.Find("ADV-1"));
            Assert.Equal(new[] { a }, index.Find("ADV-2"));

            Entity cleared = new Entity("task", a);
            index.Replace(moved, cleared);
            Assert.Empty(index.Find("ADV-2"));
            Assert.Equal(new[] { a }, index.Nulls(Array.Empty<Entity>()));

            index.Replace(cleared, new Entity("task", a) { ["crmc_handoffkey"] = null });
            Assert.Equal(new[] { a }, index.Nulls(Array.Empty<Entity>()));

            index.Replace(cleared, null);
            Assert.Empty(index.Nulls(Array.Empty<Entity>()));
        }
    }
}
