using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Settings
{
    /// <summary>
    /// A value of one of CrmCollab's settings (environment variables) as its guard sees it. Facts that cost a query
    /// are functions, asked only when the check that needs them is reached.
    /// </summary>
    public sealed class SettingValue
    {
        /// <summary>The setting's display name, e.g. "Stage Requirements".</summary>
        public string Label { get; set; }

        /// <summary>The schema name the value is saved under (null: none given).</summary>
        public string ValueSchemaName { get; set; }

        /// <summary>The schema name of the definition the value belongs to (null: no definition).</summary>
        public string DefinitionSchemaName { get; set; }

        /// <summary>Why the value cannot be read (bad JSON…), null when it can.</summary>
        public string FormatProblem { get; set; }

        /// <summary>The opportunity columns the value names that do not exist.</summary>
        public Func<IReadOnlyList<string>> UnknownColumns { get; set; } = () => Array.Empty<string>();

        /// <summary>Columns named to be locked after the win that the terms guard does not watch (it would never see them change).</summary>
        public IReadOnlyList<string> NotLockable { get; set; } = Array.Empty<string>();

        /// <summary>The columns the terms guard watches: what may be locked.</summary>
        public IReadOnlyList<string> Lockable { get; set; } = Array.Empty<string>();

        /// <summary>Columns that could not be checked (saved inside a batch transaction).</summary>
        public IReadOnlyList<string> UnverifiedColumns { get; set; } = Array.Empty<string>();

        /// <summary>The queue or team the value names does not exist (only the unrouted queue setting names one).</summary>
        public Func<bool> NamesMissingQueue { get; set; } = () => false;

        public string Value { get; set; }

        /// <summary>What the setting reads when this text is empty: a value's definition's default (null for a default, or none).</summary>
        public string EmptyReads { get; set; }

        /// <summary>
        /// The definition already has another value row (asked only of a value created, or pointed at the definition):
        /// CrmCollab reads one value per setting, and which of two it would read is not defined.
        /// </summary>
        public Func<bool> AnotherValue { get; set; } = () => false;

        /// <summary>
        /// The team the value names, or that owns the queue it names, when nobody active belongs to it (its name); null otherwise.
        /// Asked only once the queue or team is known to exist.
        /// </summary>
        public Func<string> EmptyTeam { get; set; } = () => null;

        /// <summary>The queue the value names, when it is inactive (its name); null otherwise. Asked once the queue is known to exist.</summary>
        public Func<string> InactiveQueue { get; set; } = () => null;
    }

    /// <summary>What a setting value must respect, in a fixed order: the first refusal that applies.</summary>
    public static class SettingRules
    {
        public static Refusal Check(SettingValue setting)
        {
            if (setting.DefinitionSchemaName == null)
                return new Refusal(RefusalCodes.SettingSchemaMismatch,
                    $"Choose the environment variable definition '{setting.ValueSchemaName}' this value belongs to: CrmCollab reads a value through its definition only.");
            if (setting.ValueSchemaName != null
                && !string.Equals(setting.ValueSchemaName, setting.DefinitionSchemaName, StringComparison.OrdinalIgnoreCase))
                return new Refusal(RefusalCodes.SettingSchemaMismatch,
                    $"This value is saved as '{setting.ValueSchemaName}' but belongs to '{setting.DefinitionSchemaName}' ({setting.Label}), so it would not be read as that setting. " +
                    $"Save it with the schema name '{setting.DefinitionSchemaName}'.");
            if (setting.AnotherValue())
                return new Refusal(RefusalCodes.SettingValueExists,
                    $"{setting.Label} already has a value: change that value instead of adding another. CrmCollab reads one value per setting, " +
                    "and which of two it would read is not defined.");
            if (setting.FormatProblem != null)
                return new Refusal(RefusalCodes.SettingInvalid, $"{setting.Label}: {setting.FormatProblem}");
            IReadOnlyList<string> unknown = setting.UnknownColumns();
            if (unknown.Count > 0)
                return new Refusal(RefusalCodes.SettingUnknownColumn,
                    $"{setting.Label}: the opportunity has no column {string.Join(", ", unknown)}. Use the columns' logical names (e.g. customerneed, budgetamount).");
            if (setting.NotLockable.Count > 0)
                return new Refusal(RefusalCodes.SettingNotLockable,
                    $"{setting.Label}: CrmCollab cannot lock {string.Join(", ", setting.NotLockable)} after the win: its guard watches only " +
                    $"{string.Join(", ", setting.Lockable)}. Remove the other columns from the setting (a column the guard does not watch would change unnoticed).");
            if (setting.UnverifiedColumns.Count > 0)
                return new Refusal(RefusalCodes.SettingUnverifiable,
                    $"{setting.Label}: CrmCollab could not check the columns {string.Join(", ", setting.UnverifiedColumns)} because the value was saved inside a batch transaction. Save it on its own.");
            if (setting.NamesMissingQueue())
                return new Refusal(RefusalCodes.SettingUnknownQueue,
                    $"{setting.Label}: no queue or team is named (or has the id) '{setting.Value}'. Name an existing queue or team" +
                    (string.IsNullOrWhiteSpace(setting.EmptyReads)
                        ? ", or leave it empty to keep unrouted handoffs with the deal's owner."
                        : $" (an empty value reads the default '{setting.EmptyReads}')."));
            string inactive = setting.InactiveQueue();
            if (inactive != null)
                return new Refusal(RefusalCodes.SettingUnknownQueue,
                    $"{setting.Label}: the queue {inactive} is inactive, so nobody would see the reviews and handoffs no one else was found for. " +
                    "Activate the queue first, or name another queue or team.");
            string emptyTeam = setting.EmptyTeam();
            if (emptyTeam != null)
                return new Refusal(RefusalCodes.SettingUnknownQueue,
                    $"{setting.Label}: the team {emptyTeam} has no active member, so nobody would see the reviews and handoffs no one else was found for. " +
                    "Add the people who pick them up to the team first, or name another queue or team.");
            return null;
        }
    }
}
