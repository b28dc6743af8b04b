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
    /// Other booleans CrmCollab compares (a product line's pricing flags) take theirs the same way.
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

        /// <summary>opportunityproduct IsPriceOverridden and IsProductOverridden: Boolean, DefaultValue False
        /// (dynamics-365-customer-engagement, ce/developer/entities/opportunityproduct.md).</summary>
        [Fact]
        public void A_product_line_added_without_pricing_flags_uses_the_catalog_price_and_an_existing_product()
        {
            var svc = new TestOrg().Boot().SystemService;
            Guid deal = svc.Create(new Entity("opportunity") { ["name"] = "Line defaults" });
            Guid line = svc.Create(new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", deal), ["productdescription"] = "Spindle", ["quantity"] = 1m,
            });

            var row = svc.Retrieve("opportunityproduct", line, new ColumnSet("ispriceoverridden", "isproductoverridden"));
            Assert.False(row.GetAttributeValue<bool?>("ispriceoverridden"));
            Assert.False(row.GetAttributeValue<bool?>("isproductoverridden"));
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
