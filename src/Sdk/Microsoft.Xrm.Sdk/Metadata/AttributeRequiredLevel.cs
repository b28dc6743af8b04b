using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    /// <summary>How strongly a column must be filled in (the column's requirement level).</summary>
    [DataContract(Name = "AttributeRequiredLevel", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public enum AttributeRequiredLevel
    {
        [EnumMember(Value = "None")] None = 0,
        [EnumMember(Value = "SystemRequired")] SystemRequired = 1,
        [EnumMember(Value = "ApplicationRequired")] ApplicationRequired = 2,
        [EnumMember(Value = "Recommended")] Recommended = 3,
    }
}
