using System;

namespace CrmCollab.Plugins.Domain.Settings
{
    /// <summary>
    /// A queue or team a CrmCollab setting names — the Unrouted Handoffs Queue, by its name or its id — keeps what the
    /// setting finds it by: renamed away from the name the setting holds, or deleted, it would leave the setting naming
    /// nothing, and the work no one else is found for would stop reaching the desk with no refusal anywhere (the setting
    /// itself is checked only when it is saved).
    /// </summary>
    public static class SettingReferenceRules
    {
        /// <summary>
        /// The refusal for renaming or deleting the record the setting finds now; null when the setting does not find it,
        /// or when the new name is still what the setting names (an id, or the same name in another case).
        /// </summary>
        /// <param name="label">The setting's display name, e.g. "Unrouted Handoffs Queue".</param>
        /// <param name="setting">The setting in force (its value, else its default).</param>
        /// <param name="findsRecord">Whether the setting finds this very record now.</param>
        /// <param name="kind">"queue" or "team".</param>
        /// <param name="name">The record's name now.</param>
        /// <param name="deleting">A delete (else a rename to <paramref name="newName"/>).</param>
        public static Refusal CheckChange(string label, string setting, bool findsRecord, string kind, string name, bool deleting, string newName)
        {
            if (!findsRecord || string.IsNullOrWhiteSpace(setting)) return null;
            if (!deleting && StillFinds(setting, newName)) return null;
            return new Refusal(RefusalCodes.SettingQueueInUse,
                $"The {label} setting names the {kind} {name}: renamed or deleted, it would name nothing, and the reviews and handoffs " +
                "no one else is found for would no longer reach it. Set the setting to another queue or team first.");
        }

        /// <summary>
        /// The refusal for deleting the setting's value when the default it falls back to names no queue or team, an inactive
        /// queue, or a team nobody active belongs to (a definition's default is not checked against the queues when the solution is
        /// imported); null when the default is empty (work nobody is found for stays with the deal's owner) or finds a desk.
        /// </summary>
        /// <param name="defaultInactiveQueue">The queue the default finds, when it is inactive (its name); else null.</param>
        public static Refusal CheckValueRemoved(string label, string defaultValue, Func<bool> defaultFindsDesk, Func<string> defaultEmptyTeam,
            Func<string> defaultInactiveQueue = null)
        {
            if (string.IsNullOrWhiteSpace(defaultValue)) return null;
            string fallsBack = $"Without this value the {label} setting falls back to its default '{defaultValue}'";
            if (!defaultFindsDesk())
                return new Refusal(RefusalCodes.SettingUnknownQueue,
                    $"{fallsBack}, and no queue or team is named (or has the id) '{defaultValue}', so the reviews and handoffs no one else is found for " +
                    "would reach no desk. Keep the value, or set it to the queue or team that should take them.");
            string inactive = defaultInactiveQueue?.Invoke();
            if (inactive != null)
                return new Refusal(RefusalCodes.SettingUnknownQueue,
                    $"{fallsBack}, and the queue {inactive} is inactive, so nobody would see the reviews and handoffs no one else is found for. " +
                    "Keep the value, or activate that queue first.");
            string emptyTeam = defaultEmptyTeam();
            if (emptyTeam != null)
                return new Refusal(RefusalCodes.SettingUnknownQueue,
                    $"{fallsBack}, and the team {emptyTeam} has no active member, so nobody would see the reviews and handoffs no one else is found for. " +
                    "Keep the value, or add the people who pick them up to the team first.");
            return null;
        }

        /// <summary>Whether a setting still finds a record given <paramref name="newName"/>: it names it by id, or by that name.</summary>
        public static bool StillFinds(string setting, string newName) =>
            Guid.TryParse(setting.Trim(), out _) || string.Equals(setting.Trim(), newName?.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
