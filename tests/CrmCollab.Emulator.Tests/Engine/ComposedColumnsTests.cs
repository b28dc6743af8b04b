using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Engine
{
    public class ComposedColumnsTests
    {
        [Fact]
        public void Fullname_is_composed_from_first_and_last_name_and_follows_their_changes()
        {
            DataverseEngine engine = new TestOrg().Boot();
            var id = engine.SystemService.Create(new Entity("contact") { ["firstname"] = "Ana", ["lastname"] = "Lopez", ["fullname"] = "ignored" });

            Assert.Equal("Ana Lopez", engine.SystemService.Retrieve("contact", id, new ColumnSet("fullname"))["fullname"]);
            engine.SystemService.Update(new Entity("contact", id) { ["lastname"] = "García" });
            Assert.Equal("Ana García", engine.SystemService.Retrieve("contact", id, new ColumnSet("fullname"))["fullname"]);
        }

        [Fact]
        public void A_lookup_to_a_user_reads_back_with_the_users_name()
        {
            DataverseEngine engine = new TestOrg().Boot();
            var user = engine.SystemService.Create(new Entity("systemuser")
            {
                ["firstname"] = "Sam", ["lastname"] = "Sales", ["domainname"] = "sam@contoso.com", ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
            });
            var account = engine.SystemService.Create(new Entity("account") { ["name"] = "Contoso", ["ownerid"] = new EntityReference("systemuser", user) });

            Entity read = engine.SystemService.Retrieve("account", account, new ColumnSet("ownerid"));

            Assert.Equal("Sam Sales", read.GetAttributeValue<EntityReference>("ownerid").Name);
            Assert.Equal("Sam Sales", read.FormattedValues["ownerid"]);
        }
    }
}
