using System;
using System.Runtime.Serialization;

namespace Microsoft.Crm.Sdk.Messages
{
    [DataContract(Namespace = "http://schemas.microsoft.com/crm/2011/Contracts")]
    [Flags]
    public enum AccessRights
    {
        [EnumMember]
        None = 0,
        [EnumMember]
        ReadAccess = 1,
        [EnumMember]
        WriteAccess = 2,
        [EnumMember]
        AppendAccess = 4,
        [EnumMember]
        AppendToAccess = 16,
        [EnumMember]
        CreateAccess = 32,
        [EnumMember]
        DeleteAccess = 65536,
        [EnumMember]
        ShareAccess = 262144,
        [EnumMember]
        AssignAccess = 524288,
    }
}
