using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages
{
    /// <summary>
    /// Reads typed request parameters and response results. An absent (or null) entry yields the type's
    /// default, as the SDK's typed messages do; a present value of another type still fails the cast.
    /// </summary>
    internal static class MessageParameters
    {
        internal static T Get<T>(ParameterCollection collection, string name)
        {
            if (collection == null || !collection.TryGetValue(name, out object value) || value == null)
            {
                return default(T);
            }

            return (T)value;
        }
    }
}
