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
