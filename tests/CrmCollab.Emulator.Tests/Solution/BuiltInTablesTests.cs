using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using Xunit;

namespace CrmCollab.Emulator.Tests.Solution
{
    public class BuiltInTablesTests
    {
        private static readonly MetadataCatalog Catalog = BuiltInTables.CreateCatalog();

        [Fact]
        public void Opportunity_state_and_status_pairs_are_real()
        {
            var opportunity = Catalog.Table("opportunity");
            Assert.Equal("opportunityid", opportunity.PrimaryIdAttribute);
            Assert.Equal("name", opportunity.PrimaryNameAttribute);
            Assert.Equal(3, opportunity.ObjectTypeCode);
            var states = opportunity.Column("statecode").OptionSet;
            Assert.Equal(new[] { (0, "Open", 1), (1, "Won", 3), (2, "Lost", 4) },
                states.Options.Select(o => (o.Value, o.Label, o.DefaultStatus.Value)));
            var statuses = opportunity.Column("statuscode").OptionSet;
            Assert.Equal(new[] { (1, 0), (2, 0), (3, 1), (4, 2), (5, 2) }, statuses.Options.Select(o => (o.Value, o.State.Value)));
            Assert.Equal("Out-Sold", statuses.Find(5).Label);
            Assert.Contains((0, 1), opportunity.StateTransitions);
            Assert.DoesNotContain((1, 2), opportunity.StateTransitions);
        }

        /// <summary>
        /// Microsoft Learn, OpportunityProduct table reference: a line's unit is UoMId, a lookup to the Unit (uom) table,
        /// whose reference gives OwnershipType None and a SystemRequired name. Without it no line could say it is sold by
        /// the pallet, and no step could see a line change its unit.
        /// </summary>
        [Fact]
        public void An_opportunity_products_unit_is_a_lookup_to_the_unit_table()
        {
            var line = Catalog.Table("opportunityproduct");
            Assert.Equal(ColumnType.Lookup, line.Column("uomid").Type);
            Assert.Equal(new[] { "uom" }, line.Column("uomid").Targets);
            var unit = Catalog.Table("uom");
            Assert.Equal(1055, unit.ObjectTypeCode);
            Assert.Equal(OwnershipType.None, unit.Ownership);
            Assert.Equal("name", unit.PrimaryNameAttribute);
            Assert.Equal(RequiredLevel.SystemRequired, unit.Column("name").RequiredLevel);
        }

        /// <summary>
        /// Microsoft Learn, OpportunityProduct table reference: Amount (baseamount) and Extended Amount (extendedamount) are
        /// among the writable attributes, IsValidForCreate False and valid for Update: a client may rewrite a line's totals,
        /// so a step guarding the line must be able to see them change. Before, the engine refused them on Update.
        /// </summary>
        [Fact]
        public void An_opportunity_products_totals_are_written_on_update_not_create()
        {
            var line = Catalog.Table("opportunityproduct");
            foreach (string name in new[] { "baseamount", "extendedamount" })
            {
                Assert.False(line.Column(name).IsValidForCreate, name);
                Assert.True(line.Column(name).IsValidForUpdate, name);
                Assert.False(line.Column(name + "_base").IsValidForUpdate, name);
            }
        }

        [Fact]
        public void Opportunity_columns_have_real_types()
        {
            var o = Catalog.Table("opportunity");
            Assert.Equal(ColumnType.Customer, o.Column("customerid").Type);
            Assert.Equal(new[] { "account", "contact" }, o.Column("customerid").Targets);
            Assert.Equal(ColumnType.Money, o.Column("estimatedvalue").Type);
            Assert.Equal(ColumnType.DateTime, o.Column("estimatedclosedate").Type);
            Assert.Equal(ColumnType.Boolean, o.Column("decisionmaker").Type);
            Assert.Equal(ColumnType.Owner, o.Column("ownerid").Type);
            Assert.Equal("Propose", o.Column("salesstage").OptionSet.Find(2).Label);
            Assert.Equal(ColumnType.Integer, o.Column("closeprobability").Type);
        }

        [Fact]
        public void Task_is_an_activity_with_many_regarding_targets()
        {
            var task = Catalog.Table("task");
            Assert.True(task.IsActivity);
            Assert.Equal("activityid", task.PrimaryIdAttribute);
            var regarding = task.Column("regardingobjectid");
            Assert.Equal(ColumnType.Lookup, regarding.Type);
            Assert.Contains("account", regarding.Targets);
            Assert.Contains("opportunity", regarding.Targets);
            Assert.Contains("contact", regarding.Targets);
            var statuses = task.Column("statuscode").OptionSet;
            Assert.Equal(0, statuses.Find(7).State);  // Deferred is an open status
            Assert.Equal(1, statuses.Find(5).State);  // Completed
            Assert.Equal(2, task.Column("statecode").OptionSet.Find(0).DefaultStatus);
        }

        [Fact]
        public void System_columns_are_platform_only()
        {
            var account = Catalog.Table("account");
            foreach (var name in new[] { "createdon", "createdby", "modifiedon", "modifiedby", "versionnumber", "owninguser", "owningteam", "owningbusinessunit" })
            {
                Assert.False(account.Column(name).IsValidForCreate, name);
                Assert.False(account.Column(name).IsValidForUpdate, name);
            }
            Assert.True(account.Column("overriddencreatedon").IsValidForCreate);
            Assert.False(account.Column("overriddencreatedon").IsValidForUpdate);
            Assert.Equal(ColumnType.BigInt, account.Column("versionnumber").Type);
            Assert.Equal(new[] { "systemuser", "team" }, account.Column("ownerid").Targets);
            Assert.NotNull(Catalog.Table("competitor").Column("organizationid"));
            Assert.Null(Catalog.Table("competitor").Column("ownerid"));
        }

        [Fact]
        public void Account_industry_codes_are_real()
        {
            var industry = Catalog.Table("account").Column("industrycode").OptionSet;
            Assert.Equal(33, industry.Options.Count);
            Assert.Equal("Accounting", industry.Find(1).Label);
            Assert.Equal("Wholesale", industry.Find(33).Label);
        }

        [Fact]
        public void Security_tables_and_n_to_n_relationships()
        {
            Assert.Equal(new[] { "Owner", "Access" }, Catalog.Table("team").Column("teamtype").OptionSet.Options.Take(2).Select(o => o.Label));
            var membership = Catalog.Relationship("teammembership_association");
            Assert.True(membership.IsManyToMany);
            Assert.Equal("teammembership", membership.IntersectEntity);
            Assert.Equal(("systemuser", "systemuserid", "team", "teamid"),
                (membership.Entity1, membership.Entity1IntersectAttribute, membership.Entity2, membership.Entity2IntersectAttribute));
            Assert.NotNull(Catalog.Relationship("systemuserroles_association"));
            Assert.NotNull(Catalog.Relationship("teamroles_association"));
            Assert.NotNull(Catalog.Table("teammembership").Column("teamid"));
            Assert.Equal("businessunitid", Catalog.Relationship("business_unit_system_users").ReferencedAttribute);
        }

        [Fact]
        public void Environment_variable_type_choice_is_real()
        {
            var type = Catalog.Table("environmentvariabledefinition").Column("type").OptionSet;
            Assert.Equal("JSON", type.Find(100000003).Label);
            Assert.Equal("Secret", type.Find(100000005).Label);
            Assert.Equal(ColumnType.Lookup, Catalog.Table("environmentvariablevalue").Column("environmentvariabledefinitionid").Type);
        }

        [Fact]
        public void Bpf_instance_table()
        {
            var bpf = Catalog.Table("opportunitysalesprocess");
            Assert.Equal("businessprocessflowinstanceid", bpf.PrimaryIdAttribute);
            Assert.Equal(new[] { "processstage" }, bpf.Column("activestageid").Targets);
            Assert.Equal("Qualify", Catalog.Table("processstage").Column("stagecategory").OptionSet.Find(0).Label);
        }

        [Fact]
        public void Deleting_a_customer_deletes_its_opportunities_as_documented()
        {
            Assert.Equal("Cascade", Catalog.Relationship("opportunity_customer_accounts").CascadeDelete);
            Assert.Equal("Cascade", Catalog.Relationship("opportunity_customer_contacts").CascadeDelete);
            Assert.Equal("contact", Catalog.Relationship("opportunity_customer_contacts").ReferencedEntity);
        }

        [Fact]
        public void Deleting_or_assigning_an_account_deletes_or_assigns_the_contacts_it_is_the_company_of_as_documented()
        {
            // powerapps-docs account.md / contact.md: contact_customer_accounts Delete Cascade, contact_customer_contacts RemoveLink.
            Assert.Equal("Cascade", Catalog.Relationship("contact_customer_accounts").CascadeDelete);
            Assert.Equal("RemoveLink", Catalog.Relationship("contact_customer_contacts").CascadeDelete);
            Assert.Equal("Cascade", Catalog.Relationship("contact_customer_accounts").CascadeAssign);
            Assert.Equal("Cascade", Catalog.Relationship("contact_customer_contacts").CascadeAssign);
        }

        [Fact]
        public void Both_out_of_box_process_flow_tables_are_organization_owned_with_their_documented_relationships()
        {
            foreach (var name in new[] { "opportunitysalesprocess", "leadtoopportunitysalesprocess" })
            {
                var bpf = Catalog.Table(name);
                Assert.True(bpf.IsBusinessProcessFlow);
                Assert.Equal(OwnershipType.OrganizationOwned, bpf.Ownership);
                Assert.Equal(("businessprocessflowinstanceid", "name"), (bpf.PrimaryIdAttribute, bpf.PrimaryNameAttribute));
                Assert.Null(bpf.Column("ownerid"));
                Assert.Equal(new[] { "workflow" }, bpf.Column("processid").Targets);
                Assert.Equal(1250, bpf.Column("traversedpath").MaxLength);
                Assert.False(bpf.Column("duration").IsValidForCreate);
                Assert.Equal(new[] { "Active", "Finished", "Aborted" }, bpf.Column("statuscode").OptionSet.Options.Select(o => o.Label));
            }
            Assert.Equal("Cascade", Catalog.Relationship("lk_leadtoopportunitysalesprocess_leadid").CascadeDelete);
            Assert.Equal("opportunityid", Catalog.Relationship("lk_leadtoopportunitysalesprocess_opportunityid").ReferencingAttribute);
            Assert.Equal("leadtoopportunitysalesprocess", Catalog.Relationship("lk_leadtoopportunitysalesprocess_activestageid").ReferencingEntity);
            Assert.Equal("opportunitysalesprocess", Catalog.Relationship("lk_opportunitysalesprocess_opportunityid").ReferencingEntity);
        }

        [Fact]
        public void Relationship_lookups_point_at_existing_tables()
        {
            foreach (var r in Catalog.Relationships.Where(r => !r.IsManyToMany))
            {
                Assert.NotNull(Catalog.Table(r.ReferencingEntity)?.Column(r.ReferencingAttribute));
                Assert.Contains(r.ReferencedEntity, Catalog.Table(r.ReferencingEntity).Column(r.ReferencingAttribute).Targets);
                Assert.NotNull(Catalog.Table(r.ReferencedEntity));
            }
        }

        [Fact]
        public void Well_known_message_ids()
        {
            Assert.Equal("Update", SdkMessages.NameOf(new System.Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")));
            Assert.Equal("Create", SdkMessages.NameOf(new System.Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")));
            Assert.Equal("Win", SdkMessages.Resolve(System.Guid.NewGuid(), "CrmCollab.Plugins.Routing.HandoffOnWin: Win of opportunity"));
            Assert.Null(SdkMessages.Resolve(System.Guid.NewGuid(), "Some step"));
            // UpsertMultiple is a message the engine handles: a step registered on it by name resolves.
            Assert.Equal("UpsertMultiple", SdkMessages.Resolve(System.Guid.NewGuid(), "Contoso.ImportGuard: UpsertMultiple of crmc_widget"));
        }

        /// <summary>
        /// Dataverse names an opportunity line's two parents' relationships the other way round from what one would guess:
        /// product_opportunities is the deal's (OpportunityProductBase keys it on OpportunityId, cascading the deal's Delete),
        /// opportunity_products the product's (Product table reference: ReferencingAttribute productid, Delete Restrict). A
        /// deep insert or related-row save of a deal's lines names the first. Before, the engine had them swapped.
        /// </summary>
        [Fact]
        public void A_deals_lines_are_product_opportunities_and_a_products_lines_opportunity_products()
        {
            var deal = Catalog.Relationships.Single(r => r.SchemaName == "product_opportunities");
            var product = Catalog.Relationships.Single(r => r.SchemaName == "opportunity_products");

            Assert.Equal(("opportunity", "opportunityproduct", "opportunityid", "Cascade"),
                (deal.ReferencedEntity, deal.ReferencingEntity, deal.ReferencingAttribute, deal.CascadeDelete));
            Assert.Equal(("product", "opportunityproduct", "productid", "Restrict"),
                (product.ReferencedEntity, product.ReferencingEntity, product.ReferencingAttribute, product.CascadeDelete));
        }
    }
}
