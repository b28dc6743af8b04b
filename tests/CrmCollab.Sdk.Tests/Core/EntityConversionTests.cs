using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    /// <summary>Early-bound views of late-bound rows (ToEntity) and the related rows an early-bound class exposes.</summary>
    public class EntityConversionTests
    {
        [Fact]
        public void A_typed_view_needs_the_row_to_name_its_table()
        {
            Assert.Throws<NotSupportedException>(() => new Entity().ToEntity<Opportunity>());
            Assert.Throws<NotSupportedException>(() => new Entity(string.Empty).ToEntity<Opportunity>());
            Assert.Null(new Entity().ToEntity<Entity>().LogicalName);
        }

        [Fact]
        public void A_typed_view_needs_a_class_that_declares_its_table()
        {
            Assert.Throws<NotSupportedException>(() => new Entity("opportunity").ToEntity<Undeclared>());
        }

        [Fact]
        public void A_typed_view_shares_every_collection_even_those_not_read_yet_and_copies_state_and_version()
        {
            var deal = new Entity("opportunity", Guid.NewGuid()) { RowVersion = "77", EntityState = EntityState.Changed };

            Opportunity typed = deal.ToEntity<Opportunity>();
            typed.FormattedValues["salesstage"] = "Propose";
            typed.KeyAttributes["crmc_dealnumber"] = "D-7";

            Assert.NotSame(deal, typed);
            Assert.Equal(deal.Id, typed.Id);
            Assert.Equal("77", typed.RowVersion);
            Assert.Equal(EntityState.Changed, typed.EntityState);
            Assert.Same(deal.Attributes, typed.Attributes);
            Assert.Same(deal.RelatedEntities, typed.RelatedEntities);
            Assert.Equal("Propose", deal.FormattedValues["salesstage"]);
            Assert.Equal("D-7", deal.KeyAttributes["crmc_dealnumber"]);
            Assert.Same(deal.ExtensionData, typed.ExtensionData);
        }

        [Fact]
        public void Converting_a_typed_row_again_gives_a_new_view()
        {
            var typed = new Opportunity { ["name"] = "Line 4" };

            Assert.NotSame(typed, typed.ToEntity<Opportunity>());
            Entity late = typed.ToEntity<Entity>();
            Assert.Equal(typeof(Entity), late.GetType());
            Assert.Equal("opportunity", late.LogicalName);
        }

        [Fact]
        public void Related_rows_are_named_after_the_first_rows_table_and_shared_not_copied()
        {
            var deal = new Opportunity();
            var first = new Entity("contact", Guid.NewGuid());
            var second = new Entity("account", Guid.NewGuid());

            deal.SetStakeholders(new[] { first, second });

            EntityCollection related = deal.RelatedEntities[new Relationship(Opportunity.StakeholderRelationship)];
            Assert.Equal("contact", related.EntityName);
            Assert.Same(first, related.Entities[0]);
            Assert.Same(first, deal.FirstStakeholder());
            Assert.Equal(new[] { first, second }, deal.Stakeholders());
        }

        [Fact]
        public void Setting_no_related_rows_removes_them_and_an_empty_list_is_refused()
        {
            var deal = new Opportunity();
            deal.SetStakeholders(new[] { new Entity("contact", Guid.NewGuid()) });

            deal.SetStakeholders(null);

            Assert.Empty(deal.RelatedEntities);
            Assert.Null(deal.Stakeholders());
            Assert.Null(deal.FirstStakeholder());
            Assert.Throws<InvalidOperationException>(() => deal.SetStakeholders(new Entity[0]));
        }

        [Fact]
        public void Related_rows_are_cast_not_converted_so_late_bound_rows_do_not_read_as_typed_ones()
        {
            var deal = new Opportunity();
            deal.SetStakeholders(new[] { new Entity("opportunity", Guid.NewGuid()) });

            IEnumerable<Opportunity> typed = deal.StakeholdersAs<Opportunity>();

            Assert.Throws<InvalidCastException>(() => typed.ToList());
        }

        [Fact]
        public void A_formatted_value_reads_as_null_until_the_service_supplies_one()
        {
            var deal = new Opportunity();
            Assert.Null(deal.FormattedSalesStage);

            deal.FormattedValues["salesstage"] = "Qualify";

            Assert.Equal("Qualify", deal.FormattedSalesStage);
        }

        [EntityLogicalName("opportunity")]
        private sealed class Opportunity : Entity
        {
            public const string StakeholderRelationship = "crmc_opportunity_stakeholder";

            public Opportunity() : base("opportunity") { }

            public string FormattedSalesStage => GetFormattedAttributeValue("salesstage");

            public void SetStakeholders(IEnumerable<Entity> rows) => SetRelatedEntities(StakeholderRelationship, null, rows);

            public IEnumerable<Entity> Stakeholders() => StakeholdersAs<Entity>();

            public IEnumerable<T> StakeholdersAs<T>() where T : Entity => GetRelatedEntities<T>(StakeholderRelationship, null);

            public Entity FirstStakeholder() => GetRelatedEntity<Entity>(StakeholderRelationship, null);
        }

        private sealed class Undeclared : Entity
        {
        }
    }
}
