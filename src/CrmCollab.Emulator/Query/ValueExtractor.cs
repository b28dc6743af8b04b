namespace CrmCollab.Emulator.Query
{
    /// <summary>Converts a raw value (a column value or a condition value) to a column's underlying type.</summary>
    internal delegate bool ValueExtractor<T>(object raw, out T value);
}
