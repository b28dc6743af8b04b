using System;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// A Date Only column stores its date alone: "the time portion is not stored" (Microsoft Learn, "Behavior and format of
    /// the Date and Time column"; DateTimeBehavior.DateOnly stores the date with the time as 12:00 AM). A value written at
    /// another time of the day is stored as that day; its kind is kept.
    /// </summary>
    internal static class DateOnlyValues
    {
        /// <summary>Only a value with a time of day is replaced (a new boxed value: stored values are shared, never changed in place).</summary>
        public static void Apply(TableShape shape, Microsoft.Xrm.Sdk.Entity row)
        {
            foreach (string column in shape.DateOnly)
            {
                if (row.Attributes.TryGetValue(column, out object value) && value is DateTime date && date.TimeOfDay != TimeSpan.Zero)
                    row.Attributes[column] = date.Date;
            }
        }
    }
}
