using CrmCollab.Sdk.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Messages
{
    public class MessageContractTests
    {
        [Fact]
        public void ExecuteMultipleSettings_uses_the_2012_contract()
        {
            var copy = Contract.RoundTrip(new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = false }, out var xml);

            Assert.StartsWith("<ExecuteMultipleSettings", xml);
            Assert.Contains("http://schemas.microsoft.com/xrm/2012/Contracts", xml);
            Assert.True(copy.ContinueOnError);
            Assert.False(copy.ReturnResponses);
        }

        [Fact]
        public void Response_item_collection_travels_as_OrganizationResponseCollection()
        {
            var items = new ExecuteMultipleResponseItemCollection
            {
                new ExecuteMultipleResponseItem { RequestIndex = 3 },
            };

            var copy = Contract.RoundTrip(items, out var xml);

            Assert.StartsWith("<OrganizationResponseCollection", xml);
            Assert.Equal(3, Assert.Single(copy).RequestIndex);
        }

        [Fact]
        public void Request_collection_round_trips_generic_requests()
        {
            var request = new OrganizationRequest("Create");
            request.Parameters["Target"] = new Entity("account");
            var requests = new OrganizationRequestCollection { request };

            var copy = Contract.RoundTrip(requests, out var xml);

            Assert.StartsWith("<OrganizationRequestCollection", xml);
            var only = Assert.Single(copy);
            Assert.Equal("Create", only.RequestName);
            Assert.Equal("account", Assert.IsType<Entity>(only.Parameters["Target"]).LogicalName);
        }
    }
}
