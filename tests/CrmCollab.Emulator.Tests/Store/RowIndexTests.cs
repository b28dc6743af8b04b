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
    }
}
