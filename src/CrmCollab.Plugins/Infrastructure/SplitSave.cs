using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Infrastructure
{
    /// <summary>
    /// An Update sending state and status (or, on a business-owned table, its owner fields) with other columns runs the
    /// Update steps twice: first for the other columns, then for the state (Microsoft Learn, "Behavior of specialized
    /// update operations"). No page says whether the second part's pre-image shows what the first part wrote; the page
    /// says a step needing the whole change keeps it in SharedVariables. So every CrmCollab PreOperation Update step
    /// records what its part sends and the image it was judged on (<see cref="Remember"/>), and a step of the second part
    /// reads its pre-image with that laid over it (<see cref="Overlay"/>): the evidence saved with a completion, the reason
    /// with a cancel, the approval with a deactivation are judged as saved, whichever way the platform takes its images.
    /// </summary>
    public static class SplitSave
    {
        /// <summary>The columns of a second part: the owner fields of the business-owned tables, else state and status.</summary>
        public static bool IsSecondPartColumn(string table, string column)
        {
            switch (table)
            {
                case "systemuser": return column == "businessunitid" || column == "parentsystemuserid";
                case "team": return column == "businessunitid";
                case "businessunit": return column == "parentbusinessunitid";
                default: return column == "statecode" || column == "statuscode";
            }
        }

        /// <summary>
        /// After a PreOperation Update step that has a pre-image: what this Update sends and the pre-image it was judged on,
        /// when it changes something and sends none of a second part's columns (it may be a split save's first part). Found by
        /// the record: the rows of an UpdateMultiple may share one SharedVariables. Nothing is copied: the platform keeps a
        /// step's SharedVariables as the step leaves them.
        /// </summary>
        public static void Remember(IPluginExecutionContext context)
        {
            if (context.MessageName != "Update" || context.Stage != (int)PipelineStage.PreOperation) return;
            if (!context.InputParameters.TryGetValue("Target", out object raw) || !(raw is Entity target) || target.Attributes.Count == 0) return;
            Entity before = FirstPreImage(context);
            Guid id = context.PrimaryEntityId != Guid.Empty ? context.PrimaryEntityId : target.Id;
            if (before == null || id == Guid.Empty || SendsSecondPart(target)) return;
            bool changes = false;
            foreach (var pair in target.Attributes)
                if (!Data.Changes.Same(pair.Value, ValueOf(before, pair.Key)))
                {
                    changes = true;
                    break;
                }
            if (!changes) return;
            // One variable for the operation: each record's Target, then its image (an UpdateMultiple's rows share it).
            EntityCollection saved = context.SharedVariables.TryGetValue(Variable, out object kept) ? kept as EntityCollection : null;
            if (saved == null) context.SharedVariables[Variable] = saved = new EntityCollection();
            DataCollection<Entity> pairs = saved.Entities;
            for (int i = 0; i + 1 < pairs.Count; i += 2)
                if (pairs[i + 1].Id == id && pairs[i].LogicalName == target.LogicalName)
                {
                    pairs[i] = target;
                    pairs[i + 1] = before;
                    return;
                }
            pairs.Add(target);
            pairs.Add(before);
        }

        /// <summary>
        /// In an Update sending only a second part's columns: <paramref name="image"/> with each column the first part of the same
        /// save changed laid over it, where the image still holds the value from before that save (it was read before the
        /// request); a column the image shows otherwise (read after the first part, or written since) keeps the image's value, and
        /// a lookup still named by key keeps it too. Else <paramref name="image"/> itself.
        /// </summary>
        public static Entity Overlay(IPluginExecutionContext context, Entity image)
        {
            if (image == null || context.MessageName != "Update") return image;
            if (!context.InputParameters.TryGetValue("Target", out object raw) || !(raw is Entity target) || !SendsSecondPart(target)) return image;
            foreach (var pair in target.Attributes)
                if (!IsSecondPartColumn(target.LogicalName, pair.Key) && !IsPrimaryId(target.LogicalName, pair.Key)) return image;
            Guid id = context.PrimaryEntityId != Guid.Empty ? context.PrimaryEntityId : target.Id;
            if (!context.SharedVariables.TryGetValue(Variable, out object kept) || !(kept is EntityCollection saved)) return image;
            Entity sent = null, was = null;
            DataCollection<Entity> pairs = saved.Entities;
            for (int i = 0; i + 1 < pairs.Count && sent == null; i += 2)
                if (pairs[i + 1].Id == id && pairs[i].LogicalName == target.LogicalName)
                {
                    sent = pairs[i];
                    was = pairs[i + 1];
                }
            if (sent == null) return image;
            Entity merged = null;
            foreach (var pair in sent.Attributes)
            {
                object old = ValueOf(was, pair.Key);
                if (Data.Changes.Same(pair.Value, old) || pair.Value is EntityReference reference && reference.Id == Guid.Empty) continue;
                if (!Data.Changes.Same(ValueOf(image, pair.Key), old)) continue;
                merged = merged ?? Copy(image);
                merged.Attributes[pair.Key] = pair.Value;
                merged.FormattedValues.Remove(pair.Key);
            }
            return merged ?? image;
        }

        private const string Variable = "crmc_splitsave_firstparts";

        /// <summary>Whether the Target sends a column of a second part (asked by name: no enumeration on the saves that do not).</summary>
        private static bool SendsSecondPart(Entity target)
        {
            AttributeCollection columns = target.Attributes;
            switch (target.LogicalName)
            {
                case "systemuser": return columns.ContainsKey("businessunitid") || columns.ContainsKey("parentsystemuserid");
                case "team": return columns.ContainsKey("businessunitid");
                case "businessunit": return columns.ContainsKey("parentbusinessunitid");
                default: return columns.ContainsKey("statecode") || columns.ContainsKey("statuscode");
            }
        }

        /// <summary>The table's primary id column ("activityid" for an activity such as a task).</summary>
        private static bool IsPrimaryId(string table, string column) =>
            column == "activityid" || column.Length == table.Length + 2 && column.StartsWith(table, StringComparison.Ordinal) && column.EndsWith("id", StringComparison.Ordinal);

        private static object ValueOf(Entity row, string column) => row.Attributes.TryGetValue(column, out object value) ? value : null;

        /// <summary>The step's pre-image: CrmCollab's guards name theirs "PreImage"; else the first there is.</summary>
        private static Entity FirstPreImage(IPluginExecutionContext context)
        {
            EntityImageCollection images = context.PreEntityImages;
            if (images == null || images.Count == 0) return null;
            if (images.TryGetValue("PreImage", out Entity named)) return named;
            foreach (var image in images) if (image.Value != null) return image.Value;
            return null;
        }

        private static Entity Copy(Entity image)
        {
            var copy = new Entity(image.LogicalName, image.Id);
            foreach (var pair in image.Attributes) copy.Attributes[pair.Key] = pair.Value;
            foreach (var pair in image.FormattedValues) copy.FormattedValues[pair.Key] = pair.Value;
            return copy;
        }
    }
}
