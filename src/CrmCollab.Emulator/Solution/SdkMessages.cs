using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>
    /// Well-known sdkmessageid values. Dataverse seeds these rows with the same ids in every organisation,
    /// which is why an exported step names its message only by &lt;SdkMessageId&gt;.
    /// </summary>
    public static class SdkMessages
    {
        // Confirmed against Microsoft Learn ("Use messages with the SDK for .NET", sdkmessagefilter sample
        // output for account), which lists these ids next to their names.
        private static readonly Dictionary<Guid, string> ById = new Dictionary<Guid, string>
        {
            [new Guid("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Assign",
            [new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Create",
            [new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Delete",
            [new Guid("c5bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "GrantAccess",
            [new Guid("dbbdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Merge",
            [new Guid("dcbdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "ModifyAccess",
            [new Guid("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Retrieve",
            [new Guid("03bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrieveMultiple",
            [new Guid("04bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrievePrincipalAccess",
            [new Guid("10bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrieveSharedPrincipalsAndAccess",
            [new Guid("11bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RevokeAccess",
            [new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetState",
            [new Guid("1dbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetStateDynamicEntity",
            [new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "Update",
            // Win, Lose, Associate, Disassociate, Upsert, CreateMultiple, UpdateMultiple, UpsertMultiple: ids not confirmed
            // from a reliable source, so deliberately absent. Steps on them resolve through their Name (see Resolve).
        };

        private static readonly Dictionary<string, Guid> ByName = Invert();

        /// <summary>Message names the engine knows even without an id (used to validate names taken from step names).</summary>
        public static readonly ISet<string> KnownNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Assign", "Create", "Delete", "GrantAccess", "Merge", "ModifyAccess", "Retrieve", "RetrieveMultiple",
            "RetrievePrincipalAccess", "RetrieveSharedPrincipalsAndAccess", "RevokeAccess", "SetState",
            "SetStateDynamicEntity", "Update", "Win", "Lose", "Associate", "Disassociate", "Upsert",
            "CreateMultiple", "UpdateMultiple", "UpsertMultiple", "QualifyLead", "ExecuteWorkflow",
        };

        // Plugin Registration Tool / pac naming: "<plugin type>: <Message> of <table|any Entity>".
        private static readonly Regex StepName = new Regex(@":\s*(?<message>[A-Za-z_][A-Za-z0-9_]*)\s+of\s+", RegexOptions.CultureInvariant);

        public static string NameOf(Guid id) => ById.TryGetValue(id, out var name) ? name : null;

        public static Guid? IdOf(string messageName) =>
            messageName != null && ByName.TryGetValue(messageName, out var id) ? id : (Guid?)null;

        /// <summary>The message of a step: by its id, else from its registered name when that follows the
        /// "&lt;type&gt;: &lt;Message&gt; of &lt;table&gt;" convention and the message is one the engine knows.</summary>
        public static string Resolve(Guid id, string stepName)
        {
            var byId = NameOf(id);
            if (byId != null) return byId;
            var match = stepName == null ? null : StepName.Match(stepName);
            return match != null && match.Success && KnownNames.Contains(match.Groups["message"].Value)
                ? match.Groups["message"].Value
                : null;
        }

        private static Dictionary<string, Guid> Invert()
        {
            var map = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var kv in ById) map[kv.Value] = kv.Key;
            return map;
        }
    }
}
