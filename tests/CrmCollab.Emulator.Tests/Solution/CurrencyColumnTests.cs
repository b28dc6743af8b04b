using System.IO;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using Xunit;

namespace CrmCollab.Emulator.Tests.Solution
{
    /// <summary>
    /// A currency (money) column never comes alone: the table's first one brings a Currency lookup and a read-only Exchange
    /// Rate, and each one a read-only "_base" twin in the base currency (powerapps-docs, maker/data-platform/types-of-fields.md,
    /// "Using currency columns"). A custom table declared with its money columns alone has them once loaded, and the
    /// relationship behind its Currency lookup restricts the delete of a currency its rows are in, as the references of
    /// the tables Microsoft's solutions add show (docs/platform-facts.md), unless the solution declares it otherwise.
    /// </summary>
    public class CurrencyColumnTests
    {
        private static readonly SolutionDefinition Def = SolutionLoader.Load(SolutionFixture.Path());

        [Fact]
        public void A_custom_table_with_an_amount_gets_its_currency_its_exchange_rate_and_the_amount_in_base_currency()
        {
            var widget = Def.Catalog.Table("crmc_widget");
            Assert.Equal(ColumnType.Money, widget.Column("crmc_amount").Type);

            var currency = widget.Column("transactioncurrencyid");
            Assert.Equal(ColumnType.Lookup, currency.Type);
            Assert.Equal(new[] { "transactioncurrency" }, currency.Targets);
            Assert.True(currency.IsValidForCreate && currency.IsValidForUpdate); // the user chooses it

            var rate = widget.Column("exchangerate");
            Assert.Equal(ColumnType.Decimal, rate.Type);
            Assert.False(rate.IsValidForCreate || rate.IsValidForUpdate); // "they can't edit it"

            var inBase = widget.Column("crmc_amount_base");
            Assert.Equal(ColumnType.Money, inBase.Type);
            Assert.False(inBase.IsValidForCreate || inBase.IsValidForUpdate);
        }

        [Fact]
        public void A_table_without_an_amount_gets_no_currency()
        {
            foreach (var table in Def.Catalog.Tables.Values)
            {
                if (!table.IsCustom) continue;
                bool hasMoney = false;
                foreach (var column in table.Columns.Values) hasMoney |= column.Type == ColumnType.Money;
                Assert.Equal(hasMoney, table.Column("transactioncurrencyid") != null);
            }
        }

        private static RelationshipDefinition[] CurrencyRelationships(SolutionDefinition def) => def.Catalog.Relationships
            .Where(r => !r.IsManyToMany && r.ReferencingEntity == "crmc_widget" && r.ReferencingAttribute == "transactioncurrencyid").ToArray();

        [Fact]
        public void A_custom_table_with_an_amount_restricts_the_delete_of_the_currency_its_rows_are_in()
        {
            var relationship = Assert.Single(CurrencyRelationships(Def));
            Assert.Equal("TransactionCurrency_crmc_Widget", relationship.SchemaName);
            Assert.Equal("transactioncurrency", relationship.ReferencedEntity);
            Assert.Equal("transactioncurrencyid", relationship.ReferencedAttribute);
            Assert.Equal("Restrict", relationship.CascadeDelete);
        }

        [Fact]
        public void A_currency_relationship_the_solution_declares_is_kept_as_declared()
        {
            var folder = SolutionFixture.Copy();
            try
            {
                var index = Path.Combine(folder, "Other", "Relationships.xml");
                File.WriteAllText(index, File.ReadAllText(index).Replace("</EntityRelationships>",
                    "  <EntityRelationship Name=\"crmc_widget_transactioncurrency\"><EntityRelationshipType>OneToMany</EntityRelationshipType>" +
                    "<ReferencingEntityName>crmc_Widget</ReferencingEntityName><ReferencedEntityName>TransactionCurrency</ReferencedEntityName>" +
                    "<CascadeDelete>RemoveLink</CascadeDelete><ReferencingAttributeName>TransactionCurrencyId</ReferencingAttributeName>" +
                    "</EntityRelationship>\n</EntityRelationships>"));

                var relationship = Assert.Single(CurrencyRelationships(SolutionLoader.Load(folder)));
                Assert.Equal("crmc_widget_transactioncurrency", relationship.SchemaName);
                Assert.Equal("RemoveLink", relationship.CascadeDelete);
            }
            finally { SolutionFixture.Delete(folder); }
        }
    }
}
