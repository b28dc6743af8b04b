namespace System.Activities
{
    /// <summary>Marks an argument property that must be bound (or given a value) before the activity runs.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class RequiredArgumentAttribute : Attribute
    {
        public RequiredArgumentAttribute()
        {
        }
    }
}
