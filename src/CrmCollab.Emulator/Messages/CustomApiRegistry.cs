using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>The solution's custom APIs by message name (case-insensitive, as Dataverse message names are).</summary>
    internal sealed class CustomApiRegistry
    {
        private readonly Dictionary<string, CustomApi> _byName = new Dictionary<string, CustomApi>(StringComparer.OrdinalIgnoreCase);

        public CustomApiRegistry(IEnumerable<CustomApiDefinition> apis)
        {
            foreach (var api in apis) _byName[api.UniqueName] = new CustomApi(api);
        }

        /// <summary>The API whose unique name is <paramref name="messageName"/>; null when none.</summary>
        public CustomApi Find(string messageName) =>
            messageName != null && _byName.TryGetValue(messageName, out var api) ? api : null;
    }
}
