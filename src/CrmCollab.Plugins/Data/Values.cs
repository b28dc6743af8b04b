using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Data
{
    /// <summary>Small readers that turn SDK values into plain ones, tolerant of absent columns.</summary>
    public static class Values
    {
        public static int? Choice(this Entity row, string column) => row.Read<OptionSetValue>(column)?.Value;

        public static Guid? RefId(this Entity row, string column) => row.Read<EntityReference>(column)?.Id;

        public static decimal? MoneyValue(this Entity row, string column) => row.Read<Money>(column)?.Value;

        public static bool Flag(this Entity row, string column, bool whenMissing = false) =>
            row.Contains(column) && row[column] != null ? row.Read<bool>(column) : whenMissing;

        /// <summary>A value read through a link-entity alias ("u.isdisabled").</summary>
        public static T Aliased<T>(this Entity row, string aliasAndColumn)
        {
            var aliased = row.GetAttributeValue<AliasedValue>(aliasAndColumn);
            return aliased?.Value is T value ? value : default(T);
        }

        /// <summary>A column of the row as it will be after this Update (the Target's value, else the pre-image's), without merging them.</summary>
        public static T After<T>(Entity preImage, Entity target, string column) =>
            target.Contains(column) ? target.Read<T>(column) : preImage.Read<T>(column);

        /// <summary>The Target merged over the pre-image: the row as it will be after this Update.</summary>
        public static Entity Merge(Entity preImage, Entity target)
        {
            var merged = new Entity(target.LogicalName, target.Id);
            if (preImage != null) foreach (var pair in preImage.Attributes) merged[pair.Key] = pair.Value;
            foreach (var pair in target.Attributes) merged[pair.Key] = pair.Value;
            return merged;
        }

        /// <summary>
        /// <see cref="Merge(Entity, Entity)"/> for the given columns only, added to <paramref name="into"/> when given (a column it
        /// holds already is left as it is): for a check that reads a few columns of a wide image, each as the full merge holds it
        /// (the Target's value, else the pre-image's, absent when neither carries it), without copying every other one.
        /// </summary>
        public static Entity Merge(Entity preImage, Entity target, IEnumerable<string> columns, Entity into = null)
        {
            Entity merged = into ?? new Entity(target.LogicalName, target.Id);
            foreach (string column in columns)
            {
                if (merged.Contains(column)) continue;
                if (target.Contains(column)) merged[column] = target[column];
                else if (preImage != null && preImage.Contains(column)) merged[column] = preImage[column];
            }
            return merged;
        }

        /// <summary>Whether one of <paramref name="columns"/> is filled (<see cref="IsFilled"/>): a loop, with no delegate made per call.</summary>
        public static bool AnyFilled(this Entity row, string[] columns)
        {
            foreach (string column in columns) if (row.IsFilled(column)) return true;
            return false;
        }

        /// <summary>Whether the row carries one of <paramref name="columns"/> (null values included), with no delegate made per call.</summary>
        public static bool ContainsAny(this Entity row, string[] columns)
        {
            foreach (string column in columns) if (row.Contains(column)) return true;
            return false;
        }

        /// <summary>Cuts text to the column's maximum length, so a long name or routing path never fails the save.</summary>
        public static string Shorten(string text, int max) => text == null || text.Length <= max ? text : text.Substring(0, max);

        /// <summary>Whether a column holds something a person would call filled (not null, not blank text).</summary>
        public static bool IsFilled(this Entity row, string column) =>
            row.Contains(column) && row[column] != null && !(row[column] is string text && text.Trim().Length == 0);
    }
}
