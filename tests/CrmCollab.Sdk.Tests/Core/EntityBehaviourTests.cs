using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    public class EntityBehaviourTests
    {
        [Fact]
        public void Indexer_throws_for_a_missing_column_while_GetAttributeValue_returns_default()
        {
            var account = new Entity("account", Guid.NewGuid());

            Assert.Throws<KeyNotFoundException>(() => account["name"]);
            Assert.Null(account.GetAttributeValue<string>("name"));
            Assert.Equal(0, account.GetAttributeValue<int>("numberofemployees"));
            Assert.Null(account.GetAttributeValue<Money>("revenue"));
            Assert.Null(account.GetAttributeValue<int?>("numberofemployees"));
        }

        [Fact]
        public void GetAttributeValue_returns_the_stored_value_and_refuses_a_wrong_type()
        {
            var account = new Entity("account") { ["name"] = "Contoso", ["revenue"] = new Money(12.5m) };

            Assert.Equal("Contoso", account.GetAttributeValue<string>("name"));
            Assert.Equal(12.5m, account.GetAttributeValue<Money>("revenue").Value);
            Assert.Throws<InvalidCastException>(() => account.GetAttributeValue<OptionSetValue>("name"));
        }

        [Fact]
        public void A_null_value_is_contained_but_reads_as_default()
        {
            var account = new Entity("account") { ["telephone1"] = null };

            Assert.True(account.Contains("telephone1"));
            Assert.Null(account.GetAttributeValue<string>("telephone1"));
            Assert.False(account.Contains("fax"));
        }

        [Fact]
        public void TryGetAttributeValue_tells_present_from_absent_and_checks_the_type()
        {
            var opportunity = new Entity("opportunity") { ["salesstage"] = new OptionSetValue(2) };

            Assert.True(opportunity.TryGetAttributeValue("salesstage", out OptionSetValue stage));
            Assert.Equal(2, stage.Value);
            Assert.False(opportunity.TryGetAttributeValue("salesstage", out string _));
            Assert.False(opportunity.TryGetAttributeValue("name", out string name));
            Assert.Null(name);
        }

        [Fact]
        public void TryGetAttributeValue_is_false_for_a_null_value_and_for_a_null_name()
        {
            var opportunity = new Entity("opportunity") { ["description"] = null, ["budgetamount"] = 5 };

            Assert.False(opportunity.TryGetAttributeValue("description", out string description));
            Assert.Null(description);
            Assert.False(opportunity.TryGetAttributeValue("description", out int? noAmount));
            Assert.Null(noAmount);
            Assert.False(opportunity.TryGetAttributeValue(null, out string _));
            Assert.False(opportunity.TryGetAttributeValue("budgetamount", out long _));
            Assert.True(opportunity.TryGetAttributeValue("budgetamount", out object amount));
            Assert.Equal(5, amount);
        }

        [Fact]
        public void A_null_column_name_is_refused_by_the_indexer_GetAttributeValue_and_Contains()
        {
            var account = new Entity("account");

            Assert.Throws<ArgumentNullException>(() => account[null]);
            Assert.Throws<ArgumentNullException>(() => account.GetAttributeValue<string>(null));
            Assert.Throws<ArgumentNullException>(() => account.Contains(null));
        }

        [Fact]
        public void GetAttributeValue_converts_nothing_but_unboxes_to_nullable_and_enum_underlying_types()
        {
            var row = new Entity("crmc_feasibilityreview") { ["crmc_sequence"] = 3, ["statecode"] = EntityState.Changed };

            Assert.Equal(3, row.GetAttributeValue<int?>("crmc_sequence"));
            Assert.Equal(3, row.GetAttributeValue<object>("crmc_sequence"));
            Assert.Throws<InvalidCastException>(() => row.GetAttributeValue<long>("crmc_sequence"));
            Assert.Throws<InvalidCastException>(() => row.GetAttributeValue<string>("crmc_sequence"));
            Assert.Equal(2, row.GetAttributeValue<int>("statecode"));
        }

        [Fact]
        public void Column_names_are_case_sensitive_and_Add_refuses_a_name_already_present()
        {
            var account = new Entity("account") { ["Name"] = "Contoso" };

            Assert.False(account.Contains("name"));
            account["name"] = "first";
            account["name"] = "second";
            Assert.Equal("second", account["name"]);
            Assert.Throws<ArgumentException>(() => account.Attributes.Add("name", "third"));
        }

        [Fact]
        public void Id_is_kept_apart_from_the_attributes_as_in_the_sdk()
        {
            var id = Guid.NewGuid();
            var account = new Entity("account", id);

            Assert.Equal(id, account.Id);
            Assert.False(account.Contains("accountid"));

            var byColumn = new Entity("account") { ["accountid"] = id };
            Assert.Equal(Guid.Empty, byColumn.Id);
            byColumn.Id = Guid.NewGuid();
            Assert.Equal(id, byColumn["accountid"]);
        }

        [Fact]
        public void ToEntityReference_carries_table_id_and_row_version_but_not_the_alternate_keys_or_name()
        {
            var id = Guid.NewGuid();
            var account = new Entity("account", id) { RowVersion = "812", ["name"] = "Contoso" };
            account.KeyAttributes["accountnumber"] = "A-1";

            EntityReference reference = account.ToEntityReference();

            Assert.Equal("account", reference.LogicalName);
            Assert.Equal(id, reference.Id);
            Assert.Equal("812", reference.RowVersion);
            Assert.Empty(reference.KeyAttributes);
            Assert.Null(reference.Name);
        }

        [Fact]
        public void ToEntityReference_of_a_row_known_only_by_its_key_points_nowhere()
        {
            // The SDK does not carry alternate keys over: such a reference has neither id nor keys.
            EntityReference reference = new Entity("account", "accountnumber", "A-1").ToEntityReference();

            Assert.Equal(Guid.Empty, reference.Id);
            Assert.Empty(reference.KeyAttributes);
        }

        [Fact]
        public void ToEntity_gives_an_early_bound_view_sharing_the_same_values()
        {
            var late = new Entity("account", Guid.NewGuid()) { ["name"] = "Fabrikam" };

            Account early = late.ToEntity<Account>();
            early["name"] = "Fabrikam Ltd";

            Assert.Equal(late.Id, early.Id);
            Assert.Equal("Fabrikam Ltd", late.GetAttributeValue<string>("name"));
            Assert.Equal("Fabrikam Ltd", early.Name);
        }

        [Fact]
        public void ToEntity_refuses_a_row_of_another_table()
        {
            var contact = new Entity("contact", Guid.NewGuid());

            Assert.Throws<NotSupportedException>(() => contact.ToEntity<Account>());
        }

        [Fact]
        public void ToEntity_of_Entity_returns_a_copy_with_the_same_data()
        {
            var late = new Entity("account", Guid.NewGuid()) { ["name"] = "Litware" };

            Entity copy = late.ToEntity<Entity>();

            Assert.NotSame(late, copy);
            Assert.Equal("Litware", copy["name"]);
            Assert.Equal(late.Id, copy.Id);
        }

        [EntityLogicalName("account")]
        private sealed class Account : Entity
        {
            public Account() : base("account") { }

            public string Name => GetAttributeValue<string>("name");
        }
    }
}
