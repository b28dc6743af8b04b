using System;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// A built-in column a Create leaves out takes the default its metadata declares. systemuser.isdisabled: Boolean,
    /// DefaultValue False (powerapps-docs, developer/data-platform/reference/entities/systemuser.md, "IsDisabled"), so a
    /// user added without saying whether they are disabled is enabled, and a query for enabled users finds them.
    /// </summary>
    public class BuiltInDefaultsTests
    {
        [Fact]
        public void A_new_salesperson_added_without_a_status_is_found_among_the_enabled_users()
        {
            var engine = new TestOrg().Boot();
            Guid user = TestOrg.AddUser(engine, "Dupont");

            var enabled = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("fullname") };
            enabled.Criteria.AddCondition("systemuserid", ConditionOperator.Equal, user);
            enabled.Criteria.AddCondition("isdisabled", ConditionOperator.Equal, false);

            Assert.Single(engine.SystemService.RetrieveMultiple(enabled).Entities);
            var row = engine.SystemService.Retrieve("systemuser", user, new ColumnSet("isdisabled"));
            Assert.False(row.GetAttributeValue<bool?>("isdisabled"));
        }

        [Fact]
        public void A_user_created_as_disabled_keeps_it()
        {
            var engine = new TestOrg().Boot();
            Guid user = engine.SystemService.Create(new Entity("systemuser")
            {
                ["lastname"] = "Martin", ["domainname"] = "martin@test", ["isdisabled"] = true,
                ["businessunitid"] = new EntityReference("businessunit", engine.RootBusinessUnitId),
            });
            Assert.True(engine.SystemService.Retrieve("systemuser", user, new ColumnSet("isdisabled")).GetAttributeValue<bool?>("isdisabled"));
        }
    }
}
