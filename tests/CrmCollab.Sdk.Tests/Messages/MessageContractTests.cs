using System.IO;
using System.Runtime.Serialization;
using System.Text;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Messages
{
    public class MessageContractTests
    {
        private static T RoundTrip<T>(T value, out string xml)
        {
            var serializer = new DataContractSerializer(typeof(T));
            using (var stream = new MemoryStream())
            {
                serializer.WriteObject(stream, value);
                xml = Encoding.UTF8.GetString(stream.ToArray());
                stream.Position = 0;
                return (T)serializer.ReadObject(stream);
            }
        }

        [Fact]
        public void ExecuteMultipleSettings_uses_the_2012_contract()
        {
            var copy = RoundTrip(new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = false }, out var xml);

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

            var copy = RoundTrip(items, out var xml);

            Assert.StartsWith("<OrganizationResponseCollection", xml);
            Assert.Equal(3, Assert.Single(copy).RequestIndex);
        }

        [Fact]
        public void Request_collection_round_trips_generic_requests()
        {
            var request = new OrganizationRequest("Create");
            request.Parameters["Target"] = new Entity("account");
            var requests = new OrganizationRequestCollection { request };

            var copy = RoundTrip(requests, out var xml);

            Assert.StartsWith("<OrganizationRequestCollection", xml);
            var only = Assert.Single(copy);
            Assert.Equal("Create", only.RequestName);
            Assert.Equal("account", Assert.IsType<Entity>(only.Parameters["Target"]).LogicalName);
        }
    }
}
