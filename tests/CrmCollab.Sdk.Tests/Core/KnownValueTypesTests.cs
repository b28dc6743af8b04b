using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using CrmCollab.Sdk.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    /// <summary>
    /// Which values may travel inside the untyped bags (attributes, parameters, results, aliased values): the same
    /// list as Microsoft's SDK, so a message that serialises here serialises against the real service, and one the
    /// SDK refuses is refused here too.
    /// </summary>
    public class KnownValueTypesTests
    {
        public static IEnumerable<object[]> AcceptedParameters() => new[]
        {
            new object[] { "text", "Line 4 retrofit" },
            new object[] { "flags", new[] { true, false } },
            new object[] { "amounts", new[] { 1.5m } },
            new object[] { "moneys", new[] { new Money(2m) } },
            new object[] { "rows", new[] { new Entity("account", Guid.NewGuid()) } },
            new object[] { "references", new[] { new EntityReference("account", Guid.NewGuid()) } },
            new object[] { "table", new[] { new[] { "a", "b" } } },
            new object[] { "details", new Dictionary<string, string> { { "crmc_code", "REVIEW_PENDING" } } },
            new object[] { "access", AccessRights.ReadAccess | AccessRights.WriteAccess },
            new object[] { "principal", new PrincipalAccess { AccessMask = AccessRights.ReadAccess } },
            new object[] { "principals", new[] { new PrincipalAccess() } },
            new object[] { "query", new QueryExpression("account") },
            new object[] { "queries", new[] { new QueryExpression("account") } },
            new object[] { "fetch", new FetchExpression("<fetch><entity name='account'/></fetch>") },
            new object[] { "page", new EntityCollection { EntityName = "account" } },
            new object[] { "settings", new ExecuteMultipleSettings { ContinueOnError = true } },
            new object[] { "items", new ExecuteMultipleResponseItemCollection { new ExecuteMultipleResponseItem { RequestIndex = 1 } } },
            new object[] { "managed", new BooleanManagedProperty(true) },
            new object[] { "concurrency", ConcurrencyBehavior.IfRowVersionMatches },
        };

        public static IEnumerable<object[]> RefusedParameters() => new[]
        {
            new object[] { "state", EntityState.Changed },
            new object[] { "role", EntityRole.Referenced },
            new object[] { "formatted", new FormattedValueCollection() },
            new object[] { "attributes", new AttributeCollection() },
            new object[] { "parameters", new ParameterCollection() },
        };

        [Theory]
        [MemberData(nameof(AcceptedParameters))]
        public void A_parameter_of_a_type_the_sdk_knows_travels(string name, object value)
        {
            var request = new OrganizationRequest("crmc_Probe") { [name] = value };

            OrganizationRequest copy = Contract.RoundTrip(request);

            Assert.Equal(value.GetType(), copy[name].GetType());
        }

        [Theory]
        [MemberData(nameof(RefusedParameters))]
        public void A_parameter_of_a_type_the_sdk_does_not_know_cannot_be_sent(string name, object value)
        {
            var request = new OrganizationRequest("crmc_Probe") { [name] = value };

            Assert.Throws<SerializationException>(() => Contract.Write(request));
        }

        [Fact]
        public void An_aliased_value_carries_plain_values_and_lists()
        {
            var row = new Entity("account")
            {
                ["owner.fullname"] = new AliasedValue("systemuser", "fullname", "Ana Costa"),
                ["owner.lines"] = new AliasedValue("systemuser", "address1_line1", new[] { "1 Main St" }),
                ["deal.value"] = new AliasedValue("opportunity", "estimatedvalue", new Money(125000m)),
            };

            Entity copy = Contract.RoundTrip(row);

            Assert.Equal("Ana Costa", copy.GetAttributeValue<AliasedValue>("owner.fullname").Value);
            Assert.Equal(new[] { "1 Main St" }, copy.GetAttributeValue<AliasedValue>("owner.lines").Value);
            Assert.Equal(new Money(125000m), copy.GetAttributeValue<AliasedValue>("deal.value").Value);
        }

        [Fact]
        public void An_aliased_value_travels_with_the_members_the_service_keeps_off_the_public_surface()
        {
            string xml = Contract.Write(new AliasedValue("systemuser", "fullname", "Ana Costa"));

            Assert.Contains("<NeedFormatting>false</NeedFormatting>", xml);
            Assert.Contains("<ReturnType>0</ReturnType>", xml);
        }

        [Fact]
        public void A_boolean_managed_property_travels_with_its_flag()
        {
            var property = new BooleanManagedProperty(true) { CanBeChanged = false };

            BooleanManagedProperty copy = Contract.RoundTrip(property, out string xml);

            Assert.StartsWith("<BooleanManagedProperty", xml);
            Assert.True(copy.Value);
            Assert.False(copy.CanBeChanged);
            Assert.Null(copy.ManagedPropertyLogicalName);
        }
    }
}
