using System;
using System.Xml;
using CrmCollab.Sdk.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    /// <summary>Entities travel over WCF with Microsoft's contract names: a round trip must keep every value.</summary>
    public class SerializationTests
    {
        private const string ContractNamespace = "http://schemas.microsoft.com/xrm/2011/Contracts";

        [Fact]
        public void An_entity_survives_a_data_contract_round_trip_with_microsofts_contract_names()
        {
            var customerId = Guid.NewGuid();
            var opportunity = new Entity("opportunity", Guid.NewGuid())
            {
                ["name"] = "Line 4 retrofit",
                ["estimatedvalue"] = new Money(125000m),
                ["salesstage"] = new OptionSetValue(1),
                ["customerid"] = new EntityReference("account", customerId) { Name = "Contoso" },
                ["crmc_iscustomsolution"] = true,
                ["estimatedclosedate"] = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            opportunity.FormattedValues["salesstage"] = "Develop";

            var copy = Contract.RoundTrip(opportunity, out string xml);

            var document = new XmlDocument();
            document.LoadXml(xml);
            Assert.Equal("Entity", document.DocumentElement.LocalName);
            Assert.Equal(ContractNamespace, document.DocumentElement.NamespaceURI);
            Assert.Contains("KeyValuePairOfstringanyType", xml);
            Assert.Equal(opportunity.Id, copy.Id);
            Assert.Equal("opportunity", copy.LogicalName);
            Assert.Equal("Line 4 retrofit", copy["name"]);
            Assert.Equal(new Money(125000m), copy["estimatedvalue"]);
            Assert.Equal(new OptionSetValue(1), copy["salesstage"]);
            Assert.Equal(new EntityReference("account", customerId), copy["customerid"]);
            Assert.Equal("Contoso", copy.GetAttributeValue<EntityReference>("customerid").Name);
            Assert.Equal(true, copy["crmc_iscustomsolution"]);
            Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), copy["estimatedclosedate"]);
            Assert.Equal("Develop", copy.FormattedValues["salesstage"]);
        }

        [Fact]
        public void An_entity_reference_survives_a_round_trip_with_its_contract_name()
        {
            var reference = new EntityReference("account", Guid.NewGuid()) { Name = "Fabrikam" };

            var copy = Contract.RoundTrip(reference, out string xml);

            Assert.Contains("<EntityReference", xml);
            Assert.Contains(ContractNamespace, xml);
            Assert.Equal(reference, copy);
            Assert.Equal("Fabrikam", copy.Name);
        }
    }
}
