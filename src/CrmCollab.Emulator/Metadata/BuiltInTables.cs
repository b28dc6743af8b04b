using System;

namespace CrmCollab.Emulator.Metadata
{
    /// <summary>
    /// Standard Dataverse tables the suite touches, with their real logical names, column names, types and
    /// choice values. Solution/ later merges custom tables and custom columns (crmc_*) into this catalog.
    /// </summary>
    public static partial class BuiltInTables
    {
        // Active/Inactive pair shared by most standard tables.
        private static readonly (int, string, int)[] ActiveInactiveStates = { (0, "Active", 1), (1, "Inactive", 2) };
        private static readonly (int, string, int)[] ActiveInactiveStatuses = { (1, "Active", 0), (2, "Inactive", 1) };

        public static void AddTo(MetadataCatalog catalog)
        {
            if (catalog == null) throw new ArgumentNullException(nameof(catalog));
            AddCore(catalog);
            AddSecurity(catalog);
            AddSales(catalog);
            AddLeadsAndProducts(catalog);
            AddActivities(catalog);
            AddProcess(catalog);
            ResolveRelationships(catalog);
        }

        /// <summary>A fresh catalog holding only the built-in tables.</summary>
        public static MetadataCatalog CreateCatalog()
        {
            var catalog = new MetadataCatalog();
            AddTo(catalog);
            return catalog;
        }

        /// <summary>Fills ReferencedAttribute of 1:N relationships from the referenced table's primary key.</summary>
        public static void ResolveRelationships(MetadataCatalog catalog)
        {
            foreach (var r in catalog.Relationships)
            {
                if (r.IsManyToMany || r.ReferencedAttribute != null) continue;
                r.ReferencedAttribute = catalog.Table(r.ReferencedEntity)?.PrimaryIdAttribute ?? r.ReferencedEntity + "id";
            }
        }

        private static TableBuilder Table(MetadataCatalog c, string logicalName, string schemaName, int otc,
            OwnershipType ownership, string primaryName, string primaryId = null, bool isActivity = false) =>
            TableBuilder.Create(c, logicalName, schemaName, otc, ownership, primaryId ?? logicalName + "id",
                primaryName, isActivity);
    }
}
