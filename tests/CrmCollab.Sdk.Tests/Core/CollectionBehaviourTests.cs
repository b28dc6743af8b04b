using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    /// <summary>The SDK's keyed bags (attributes, parameters, formatted values, keys) and its lists of rows and values.</summary>
    public class CollectionBehaviourTests
    {
        [Fact]
        public void A_missing_key_throws_KeyNotFoundException_in_every_keyed_collection()
        {
            Assert.Throws<KeyNotFoundException>(() => new AttributeCollection()["name"]);
            Assert.Throws<KeyNotFoundException>(() => new ParameterCollection()["Target"]);
            Assert.Throws<KeyNotFoundException>(() => new FormattedValueCollection()["statuscode"]);
            Assert.Throws<KeyNotFoundException>(() => new KeyAttributeCollection()["accountnumber"]);
            Assert.Throws<KeyNotFoundException>(() => new EntityImageCollection()["PreImage"]);
            Assert.Throws<KeyNotFoundException>(() => new RelatedEntityCollection()[new Relationship("contact_customer_accounts")]);
            Assert.Throws<KeyNotFoundException>(() => new OrganizationRequest("Create")["Target"]);
        }

        [Fact]
        public void A_null_key_is_refused_everywhere()
        {
            var attributes = new AttributeCollection();

            Assert.Throws<ArgumentNullException>(() => attributes[null]);
            Assert.Throws<ArgumentNullException>(() => attributes[null] = 1);
            Assert.Throws<ArgumentNullException>(() => attributes.Contains((string)null));
            Assert.Throws<ArgumentNullException>(() => attributes.ContainsKey(null));
            Assert.Throws<ArgumentNullException>(() => attributes.TryGetValue(null, out _));
            Assert.Throws<ArgumentNullException>(() => attributes.Remove((string)null));
            Assert.Throws<ArgumentNullException>(() => new ParameterCollection().TryGetValue<int>(null, out _));
            Assert.Throws<ArgumentNullException>(() => new ParameterCollection().AddOrUpdateIfNotNull(null, 7));
        }

        [Fact]
        public void Collections_only_read_so_far_stay_apart_and_enumerate_and_view_as_a_dictionary_does()
        {
            Entity first = new Entity("account"), second = new Entity("account");
            Assert.Empty(first.KeyAttributes);
            Assert.False(second.KeyAttributes.ContainsKey("accountnumber"));
            Assert.False(second.KeyAttributes.Remove("accountnumber"));
            Assert.False(second.KeyAttributes.TryGetValue("accountnumber", out _));
            second.KeyAttributes.Clear();
            first.KeyAttributes["accountnumber"] = "A-1";
            Assert.Empty(second.KeyAttributes); // one collection's first write is its own
            Assert.Equal("A-1", first.KeyAttributes["accountnumber"]);

            ICollection<string> keys = second.KeyAttributes.Keys; // a live view, taken before any write
            second.KeyAttributes["name"] = "Contoso";
            Assert.Equal(new[] { "name" }, keys);

            // As Dictionary on .NET 10: an enumerator taken while empty ends at once, even after an insertion; one taken
            // over values refuses an insertion made after it.
            var attributes = new AttributeCollection();
            using (IEnumerator<KeyValuePair<string, object>> walker = attributes.GetEnumerator())
            {
                attributes["name"] = "Contoso";
                Assert.False(walker.MoveNext());
            }
            using (IEnumerator<KeyValuePair<string, object>> walker = attributes.GetEnumerator())
            {
                attributes["accountnumber"] = "A-1";
                Assert.Throws<InvalidOperationException>(() => walker.MoveNext());
            }
            var related = new RelatedEntityCollection();
            Assert.False(related.Contains(new Relationship("contact_customer_accounts")));
            related[new Relationship("contact_customer_accounts")] = new EntityCollection();
            Assert.Single(related);
            Assert.Empty(new RelatedEntityCollection());
        }

        [Fact]
        public void Add_refuses_a_key_already_present_while_the_indexer_replaces_it()
        {
            var attributes = new AttributeCollection { { "name", "Contoso" } };

            Assert.Throws<ArgumentException>(() => attributes.Add("name", "Fabrikam"));
            Assert.Throws<ArgumentException>(() => attributes.Add(new KeyValuePair<string, object>("name", "Fabrikam")));
            Assert.Throws<ArgumentException>(() => attributes.AddRange(new KeyValuePair<string, object>("name", "Fabrikam")));
            Assert.Throws<ArgumentException>(() => new KeyAttributeCollection { { "k", 1 }, { "k", 1 } });
            attributes["name"] = "Fabrikam";
            Assert.Equal("Fabrikam", attributes["name"]);
            Assert.Single(attributes);
        }

        [Fact]
        public void Adding_a_null_range_adds_nothing()
        {
            var attributes = new AttributeCollection();
            var columns = new DataCollection<string>(4);

            attributes.AddRange((IEnumerable<KeyValuePair<string, object>>)null);
            attributes.AddRange((KeyValuePair<string, object>[])null);
            columns.AddRange((IEnumerable<string>)null);
            columns.AddRange((string[])null);

            Assert.Empty(attributes);
            Assert.Empty(columns);
        }

        [Fact]
        public void Pairs_are_found_and_removed_only_with_their_value()
        {
            var attributes = new AttributeCollection { { "statecode", 0 } };

            Assert.True(attributes.Contains(new KeyValuePair<string, object>("statecode", 0)));
            Assert.False(attributes.Remove(new KeyValuePair<string, object>("statecode", 1)));
            Assert.False(attributes.Remove("missing"));
            Assert.True(attributes.Remove("statecode"));
            Assert.False(attributes.IsReadOnly);
            Assert.False(attributes.TryGetValue("statecode", out object value));
            Assert.Null(value);
        }

        [Fact]
        public void A_typed_parameter_read_is_true_only_for_a_value_of_that_type()
        {
            var parameters = new ParameterCollection { ["Target"] = new Entity("account"), ["Count"] = 3, ["Nothing"] = null };

            Assert.True(parameters.TryGetValue("Target", out Entity target));
            Assert.Equal("account", target.LogicalName);
            Assert.False(parameters.TryGetValue("Target", out EntityReference _));
            Assert.False(parameters.TryGetValue("Count", out long _));
            Assert.True(parameters.TryGetValue("Count", out object count));
            Assert.Equal(3, count);
            Assert.False(parameters.TryGetValue("Nothing", out string nothing));
            Assert.Null(nothing);
            Assert.False(parameters.TryGetValue("Nothing", out int? noNumber));
            Assert.Null(noNumber);
        }

        [Fact]
        public void AddOrUpdateIfNotNull_keeps_the_old_value_when_given_null()
        {
            var parameters = new ParameterCollection { ["Depth"] = 1 };

            parameters.AddOrUpdateIfNotNull("Depth", null);
            parameters.AddOrUpdateIfNotNull("Missing", null);

            Assert.Equal(1, parameters["Depth"]);
            Assert.False(parameters.Contains("Missing"));
        }

        [Fact]
        public void A_page_of_rows_copies_the_list_it_is_given()
        {
            var first = new Entity("account", Guid.NewGuid());
            var list = new List<Entity> { first };

            var page = new EntityCollection(list);
            list.Add(new Entity("account"));
            page.Entities.Add(new Entity("contact"));

            Assert.Equal(2, page.Entities.Count);
            Assert.Equal(2, list.Count);
            Assert.Same(first, page[0]);
            Assert.Null(page.EntityName);
            Assert.Empty(new EntityCollection(null).Entities);
        }

        [Fact]
        public void A_new_page_has_no_rows_no_more_records_and_no_cookie()
        {
            var page = new EntityCollection { Entities = null };

            Assert.Empty(page.Entities);
            Assert.False(page.MoreRecords);
            Assert.Null(page.PagingCookie);
            Assert.Equal(0, page.TotalRecordCount);
            Assert.False(page.TotalRecordCountLimitExceeded);
            Assert.Null(page.MinActiveRowVersion);
            Assert.Throws<ArgumentOutOfRangeException>(() => page[0]);
        }

        [Fact]
        public void Reference_and_choice_lists_copy_the_list_they_are_given_and_find_equal_values()
        {
            var references = new List<EntityReference> { new EntityReference("systemuser", Guid.Empty) };
            var choices = new List<OptionSetValue> { new OptionSetValue(100000000) };

            var referenceCollection = new EntityReferenceCollection(references);
            var choiceCollection = new OptionSetValueCollection(choices);
            references.Clear();
            choices.Clear();

            Assert.Single(referenceCollection);
            Assert.Contains(new EntityReference("systemuser", Guid.Empty), referenceCollection);
            Assert.Single(choiceCollection);
            Assert.Contains(new OptionSetValue(100000000), choiceCollection);
            Assert.Empty(new EntityReferenceCollection(null));
            Assert.Empty(new OptionSetValueCollection(null));
        }

        [Fact]
        public void Choice_lists_compare_as_instances()
        {
            var left = new OptionSetValueCollection { new OptionSetValue(1) };

            Assert.False(left.Equals(new OptionSetValueCollection { new OptionSetValue(1) }));
            Assert.Equal("Microsoft.Xrm.Sdk.OptionSetValueCollection", left.ToString());
        }

        [Fact]
        public void A_list_with_capacity_starts_empty_and_copies_out_to_an_array()
        {
            var columns = new DataCollection<string>(2) { "name", null };

            string[] copy = columns.ToArray();
            columns.Add("revenue");

            Assert.Equal(new[] { "name", null }, copy);
            Assert.Throws<ArgumentOutOfRangeException>(() => new DataCollection<string>(-1));
        }

        [Fact]
        public void A_keyed_collection_built_on_a_dictionary_uses_it_as_it_is()
        {
            var backing = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase) { { "Target", 1 } };
            var readOnly = new System.Collections.ObjectModel.ReadOnlyDictionary<string, object>(new Dictionary<string, object>());

            var parameters = new WrappingParameters(backing);
            backing["Depth"] = 2;
            var frozen = new WrappingParameters(readOnly);

            Assert.True(parameters.Contains("target"));
            Assert.Equal(2, parameters["Depth"]);
            Assert.False(frozen.IsReadOnly);
            Assert.Throws<NotSupportedException>(() => frozen["Target"] = 1);
            Assert.Throws<NullReferenceException>(() => new WrappingParameters(null).Count);
        }

        [Fact]
        public void Related_rows_are_keyed_by_relationship_name_and_role()
        {
            var related = new RelatedEntityCollection
            {
                [new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referenced }] = new EntityCollection(),
            };

            Assert.True(related.Contains(new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referenced }));
            Assert.False(related.Contains(new Relationship("account_parent_account")));
            Assert.False(related.IsReadOnly);
        }

        private sealed class WrappingParameters : ParameterCollection
        {
            public WrappingParameters(IDictionary<string, object> parameters) : base(parameters) { }
        }
    }
}
