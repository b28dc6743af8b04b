namespace CrmCollab.Emulator.Metadata
{
    /// <summary>customapi BindingType: Global (0), Entity (1), EntityCollection (2).</summary>
    public enum CustomApiBinding { Global = 0, Entity = 1, EntityCollection = 2 }
}
