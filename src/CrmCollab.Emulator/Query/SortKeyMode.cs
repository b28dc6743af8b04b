namespace CrmCollab.Emulator.Query
{
    /// <summary>How a sort key is made from a column value: the value itself, a choice's label, a lookup's name.</summary>
    internal enum SortKeyMode { Value, ChoiceLabel, LookupName }
}
