using System;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    public class ValueEqualityTests
    {
        [Fact]
        public void EntityReferences_to_the_same_row_are_equal_whatever_their_display_name()
        {
            var id = Guid.NewGuid();
            var left = new EntityReference("account", id) { Name = "Contoso" };
            var right = new EntityReference("account", id);

            Assert.Equal(left, right);
            Assert.Equal(left.GetHashCode(), right.GetHashCode());
            Assert.NotEqual(left, new EntityReference("contact", id));
            Assert.NotEqual(left, new EntityReference("account", Guid.NewGuid()));
        }

        [Fact]
        public void EntityReferences_by_alternate_key_compare_their_keys()
        {
            var left = new EntityReference("account", "accountnumber", "A-1");

            Assert.Equal(left, new EntityReference("account", "accountnumber", "A-1"));
            Assert.NotEqual(left, new EntityReference("account", "accountnumber", "A-2"));
        }

        [Fact]
        public void OptionSetValues_and_Money_compare_by_value()
        {
            Assert.Equal(new OptionSetValue(100000001), new OptionSetValue(100000001));
            Assert.NotEqual(new OptionSetValue(1), new OptionSetValue(2));
            Assert.Equal(new OptionSetValue(7).GetHashCode(), new OptionSetValue(7).GetHashCode());
            Assert.Equal(new Money(50000m), new Money(50000.00m));
            Assert.NotEqual(new Money(1m), new Money(2m));
            Assert.False(new Money(1m).Equals(null));
        }

        [Fact]
        public void Relationships_compare_by_schema_name_and_role()
        {
            Assert.Equal(new Relationship("teammembership_association"), new Relationship("teammembership_association"));
            Assert.NotEqual(new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referenced },
                new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referencing });
        }

        [Fact]
        public void Money_and_choices_hash_like_their_numbers_print_their_type_name_and_equal_only_their_own_kind()
        {
            Assert.Equal(12.5m.GetHashCode(), new Money(12.5m).GetHashCode());
            Assert.Equal(7, new OptionSetValue(7).GetHashCode());
            Assert.Equal("Microsoft.Xrm.Sdk.Money", new Money(12.5m).ToString());
            Assert.Equal("Microsoft.Xrm.Sdk.OptionSetValue", new OptionSetValue(7).ToString());
            Assert.False(new Money(1m).Equals(1m));
            Assert.False(new OptionSetValue(7).Equals(7));
            Assert.Equal(0m, new Money().Value);
            Assert.Equal(0, new OptionSetValue().Value);
        }

        [Fact]
        public void The_equality_operator_of_values_compares_instances()
        {
            var money = new Money(1m);
            var choice = new OptionSetValue(1);

            Assert.False(money == new Money(1m));
            Assert.False(choice == new OptionSetValue(1));
        }

        [Fact]
        public void Relationships_print_name_and_role_and_hash_the_name_with_the_role()
        {
            var referenced = new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referenced };

            Assert.Equal("account_parent_account.Referenced", referenced.ToString());
            Assert.Equal("contact_customer_accounts.", new Relationship("contact_customer_accounts").ToString());
            Assert.Equal(".", new Relationship().ToString());
            Assert.Equal("account_parent_account".GetHashCode() ^ 1, referenced.GetHashCode());
            Assert.Equal("contact_customer_accounts".GetHashCode(), new Relationship("contact_customer_accounts").GetHashCode());
            Assert.Equal(string.Empty.GetHashCode(), new Relationship().GetHashCode());
        }

        [Fact]
        public void Relationships_compare_names_exactly_and_an_unset_role_is_not_Referencing()
        {
            Assert.NotEqual(new Relationship("Account_Parent_Account"), new Relationship("account_parent_account"));
            Assert.NotEqual(new Relationship("account_parent_account") { PrimaryEntityRole = EntityRole.Referencing },
                new Relationship("account_parent_account"));
            Assert.NotEqual(new Relationship(), new Relationship(string.Empty));
            Assert.Equal(new Relationship(), new Relationship());
            Assert.False(new Relationship("r").Equals(null));
        }

        [Fact]
        public void A_boolean_managed_property_may_be_changed_unless_told_otherwise_and_compares_as_an_instance()
        {
            var customizable = new BooleanManagedProperty(true);

            Assert.True(customizable.Value);
            Assert.True(customizable.CanBeChanged);
            Assert.Null(customizable.ManagedPropertyLogicalName);
            Assert.False(new BooleanManagedProperty().Value);
            Assert.True(new BooleanManagedProperty().CanBeChanged);
            Assert.False(customizable.Equals(new BooleanManagedProperty(true)));
            Assert.Equal("Microsoft.Xrm.Sdk.BooleanManagedProperty", customizable.ToString());
        }

        [Fact]
        public void Aliased_values_keep_where_they_came_from_and_compare_as_instances()
        {
            var aliased = new AliasedValue("account", "name", "Contoso");

            Assert.Equal("account", aliased.EntityLogicalName);
            Assert.Equal("name", aliased.AttributeLogicalName);
            Assert.Equal("Contoso", aliased.Value);
            Assert.False(aliased.Equals(new AliasedValue("account", "name", "Contoso")));
            Assert.Null(new AliasedValue().Value);
        }

        [Fact]
        public void ParameterCollection_TryGetValue_is_typed_and_never_throws()
        {
            var parameters = new ParameterCollection { ["Target"] = new Entity("account") };

            Assert.True(parameters.TryGetValue("Target", out Entity target));
            Assert.Equal("account", target.LogicalName);
            Assert.False(parameters.TryGetValue("Target", out EntityReference _));
            Assert.False(parameters.TryGetValue("Missing", out Entity _));
        }

        [Fact]
        public void AddOrUpdateIfNotNull_skips_nulls_and_replaces_values()
        {
            var parameters = new ParameterCollection();

            parameters.AddOrUpdateIfNotNull("A", null);
            parameters.AddOrUpdateIfNotNull("B", 1);
            parameters.AddOrUpdateIfNotNull("B", 2);

            Assert.False(parameters.Contains("A"));
            Assert.Equal(2, parameters["B"]);
        }

        [Fact]
        public void InvalidPluginExecutionException_keeps_status_code_and_message()
        {
            var refusal = new InvalidPluginExecutionException(OperationStatus.Failed, 0x1234, "Logistics must approve first.");

            Assert.Equal("Logistics must approve first.", refusal.Message);
            Assert.Equal(OperationStatus.Failed, refusal.Status);
            Assert.Equal(0x1234, refusal.ErrorCode);
            Assert.Empty(refusal.ExceptionDetails);
        }
    }
}
