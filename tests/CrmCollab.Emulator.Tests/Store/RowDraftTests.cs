using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Store;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// The draft a write builds its row in reads, and freezes into, exactly what the dictionary it replaced would have
    /// held, in the same order; a next version starts from the stored one and shares its column list when unchanged.
    /// </summary>
    public class RowDraftTests
    {
        [Fact]
        public void A_removed_column_leaves_its_place_to_the_next_one_written_as_a_dictionary_does()
        {
            var layout = new ColumnLayout();
            var draft = new RowDraft();
            var dictionary = new Dictionary<string, object>();
            draft.Start(layout);
            foreach (var target in new IDictionary<string, object>[] { draft, dictionary })
            {
                target["name"] = "Contoso";
                target["createdon"] = "ignored by the platform";
                target["fax"] = "555";
                target.Remove("createdon");
                target.Remove("fax");
                target["statecode"] = 0;
                target["createdon"] = "the platform's";
                target["ownerid"] = "SYSTEM";
                target["name"] = "Contoso Ltd";
            }
            Assert.Equal(dictionary.ToList(), draft.ToList());
            Assert.Equal(dictionary.ToList(), draft.Freeze().ToList());
            Assert.False(draft.ContainsKey("fax"));
            Assert.Equal(4, draft.Count);
        }

        [Fact]
        public void The_next_version_keeps_the_previous_values_and_order_and_adds_new_columns_last()
        {
            var layout = new ColumnLayout();
            var draft = new RowDraft();
            draft.Start(layout);
            draft["name"] = "A";
            draft["industrycode"] = 1;
            var first = draft.Freeze();

            draft.Start(layout, first);
            draft["industrycode"] = 2;
            var second = draft.Freeze();
            Assert.Equal(new[] { "name", "industrycode" }, second.Keys);
            Assert.Equal(2, second["industrycode"]);
            Assert.Equal(1, first["industrycode"]); // the stored version is never changed
            Assert.Same(first.Ordinals, second.Ordinals);

            draft.Start(layout, second);
            draft["telephone1"] = "555";
            var third = draft.Freeze();
            Assert.Equal(new[] { "name", "industrycode", "telephone1" }, third.Keys);
            Assert.Equal(new object[] { "A", 2, "555" }, third.Values);
        }

        [Fact]
        public void Rows_written_with_the_same_columns_share_one_column_list()
        {
            var layout = new ColumnLayout();
            var draft = new RowDraft();
            StoredAttributes Write(string name)
            {
                draft.Start(layout);
                draft["name"] = name;
                draft["accountnumber"] = "A-1";
                return draft.Freeze();
            }
            var a = Write("A");
            var b = Write("B");
            Assert.Same(a.Ordinals, b.Ordinals);
            Assert.Equal("B", b["name"]);
            Assert.Equal("A", a["name"]);
        }
    }
}
