using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>The compact attributes of a stored row read exactly as the dictionary they were frozen from.</summary>
    public class StoredAttributesTests
    {
        private static AttributeCollection Source(params (string Key, object Value)[] pairs)
        {
            var attributes = new AttributeCollection();
            foreach (var (key, value) in pairs) attributes[key] = value;
            return attributes;
        }

        [Fact]
        public void Reads_back_every_value_in_the_order_it_was_written()
        {
            var layout = new ColumnLayout();
            var frozen = StoredAttributes.Freeze(layout, Source(("name", "Contoso"), ("revenue", null), ("industrycode", 7)));
            Assert.Equal(new[] { "name", "revenue", "industrycode" }, frozen.Select(p => p.Key));
            Assert.Equal(new[] { "name", "revenue", "industrycode" }, frozen.Keys);
            Assert.Equal(3, frozen.Count);
            Assert.True(frozen.TryGetValue("revenue", out var revenue));
            Assert.Null(revenue);
            Assert.Equal(7, frozen["industrycode"]);
            Assert.False(frozen.ContainsKey("telephone1"));
            Assert.False(frozen.TryGetValue("telephone1", out _));
            Assert.Throws<KeyNotFoundException>(() => frozen["telephone1"]);
        }

        [Fact]
        public void Rows_of_one_table_share_its_column_numbers_whatever_columns_each_holds()
        {
            var layout = new ColumnLayout();
            var first = StoredAttributes.Freeze(layout, Source(("name", "A"), ("industrycode", 1)));
            var second = StoredAttributes.Freeze(layout, Source(("telephone1", "555"), ("name", "B")));
            Assert.Equal(0, layout.Find("name"));
            Assert.Equal(2, layout.Find("telephone1"));
            Assert.False(first.ContainsKey("telephone1")); // a column another row holds is not this row's
            Assert.Equal("B", second["name"]);
            Assert.Equal(new[] { "telephone1", "name" }, second.Keys);
        }

        [Fact]
        public void Is_read_only()
        {
            var frozen = StoredAttributes.Freeze(new ColumnLayout(), Source(("name", "A")));
            Assert.True(frozen.IsReadOnly);
            Assert.Throws<InvalidOperationException>(() => frozen["name"] = "B");
            Assert.Throws<InvalidOperationException>(() => frozen.Add("x", 1));
            Assert.Throws<InvalidOperationException>(() => frozen.Clear());
            Assert.Equal("A", frozen["name"]);
        }
    }
}
