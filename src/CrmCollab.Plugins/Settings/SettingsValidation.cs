using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Settings;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Settings
{
    /// <summary>
    /// Refuses a value (or default) of CrmCollab's settings that would silently switch a rule off: a value saved under
    /// another schema name than its definition; Stage Requirements that are not the expected JSON, name a stage that
    /// does not exist or a column the opportunity does not have; Locked Terms Columns the opportunity does not have;
    /// an Unrouted Handoffs Queue that names no queue or team, or whose value is deleted or emptied (a blank value is no value)
    /// while the default it falls back to names none. Columns are probed with a query at PreValidation,
    /// outside the transaction, so a refused probe can be caught; any column admins add later is accepted. The queue or
    /// team the Unrouted Handoffs Queue names is not renamed away from that name nor deleted while the setting names it.
    /// </summary>
    public sealed class SettingsValidation : PluginBase
    {
        public const string PreImage = "PreImage";

        private static readonly Dictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [EnvironmentVariable.StageRequirements] = "Stage Requirements",
            [EnvironmentVariable.LockedTermsColumns] = "Locked Terms Columns",
            [EnvironmentVariable.UnroutedQueue] = "Unrouted Handoffs Queue",
        };

        public SettingsValidation(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreValidation, "Create", EnvironmentVariable.ValueTable, OnValue);
            Register(PipelineStage.PreValidation, "Update", EnvironmentVariable.ValueTable, OnValue)
                .Filter(EnvironmentVariable.Value, EnvironmentVariable.SchemaName, EnvironmentVariable.DefinitionId)
                .PreImage(PreImage, EnvironmentVariable.SchemaName, EnvironmentVariable.DefinitionId, EnvironmentVariable.Value);
            Register(PipelineStage.PreValidation, "Create", EnvironmentVariable.DefinitionTable, OnDefinition);
            Register(PipelineStage.PreValidation, "Update", EnvironmentVariable.DefinitionTable, OnDefinition)
                .Filter(EnvironmentVariable.DefaultValue, EnvironmentVariable.SchemaName)
                .PreImage(PreImage, EnvironmentVariable.SchemaName, EnvironmentVariable.DefaultValue);
            Register(PipelineStage.PreOperation, "Delete", EnvironmentVariable.ValueTable, OnValueDeleted)
                .PreImage(PreImage, EnvironmentVariable.DefinitionId, EnvironmentVariable.Value);
            Register(PipelineStage.PreOperation, "Update", Queue.Table, OnDeskChanged).Filter(Queue.Name).PreImage(PreImage, Queue.Name);
            Register(PipelineStage.PreOperation, "Delete", Queue.Table, OnDeskChanged).PreImage(PreImage, Queue.Name);
            Register(PipelineStage.PreOperation, "Update", Team.Table, OnDeskChanged).Filter(Team.Name).PreImage(PreImage, Team.Name);
            Register(PipelineStage.PreOperation, "Delete", Team.Table, OnDeskChanged).PreImage(PreImage, Team.Name);
        }

        /// <summary>
        /// A value of the Unrouted Handoffs Queue deleted: the setting falls back to its definition's default, which must find
        /// a desk someone works in, as a value must. (The other settings' defaults were checked when saved.)
        /// </summary>
        private static void OnValueDeleted(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            Guid? definition = before?.RefId(EnvironmentVariable.DefinitionId);
            // A blank value was no value: the setting read its default already, and reads it still.
            if (string.IsNullOrWhiteSpace(before?.Read<string>(EnvironmentVariable.Value))) return;
            // The definition deleted (the solution removed) takes its value with it: the whole setting goes, nothing falls back.
            IPluginExecutionContext parent = context.ExecutionContext.ParentContext;
            if (definition == null || (parent != null && parent.MessageName == "Delete"
                && string.Equals(parent.PrimaryEntityName, EnvironmentVariable.DefinitionTable, StringComparison.OrdinalIgnoreCase))) return;
            Entity row = context.SystemService.Retrieve(EnvironmentVariable.DefinitionTable, definition.Value,
                new ColumnSet(EnvironmentVariable.SchemaName, EnvironmentVariable.DefaultValue));
            if (!string.Equals(row.Read<string>(EnvironmentVariable.SchemaName), EnvironmentVariable.UnroutedQueue, StringComparison.OrdinalIgnoreCase)) return;
            CheckFallback(context, row.Read<string>(EnvironmentVariable.DefaultValue));
        }

        /// <summary>The Unrouted Handoffs Queue's value gone (deleted, or emptied): the default it falls back to must find a desk.</summary>
        private static void CheckFallback(LocalPluginContext context, string fallback)
        {
            var routing = new RoutingRepository(context.SystemService);
            var desk = new Lazy<Domain.Routing.Principal>(() => routing.QueueOrTeam(fallback));
            Throw(Domain.Settings.SettingReferenceRules.CheckValueRemoved(Labels[EnvironmentVariable.UnroutedQueue], fallback,
                () => desk.Value != null, () => EmptyTeamOf(context, desk.Value), () => InactiveQueueOf(context, desk.Value)));
        }

        /// <summary>
        /// A rename or delete of a queue or team: refused while the Unrouted
        /// Handoffs Queue setting finds this record. Reads the setting only when the name really changes, or on a delete.
        /// </summary>
        private static void OnDeskChanged(LocalPluginContext context)
        {
            bool deleting = context.ExecutionContext.MessageName == "Delete";
            string table = context.ExecutionContext.PrimaryEntityName;
            string nameColumn = table == Queue.Table ? Queue.Name : Team.Name;
            string name = context.PreImage(PreImage)?.Read<string>(nameColumn);
            string newName = deleting ? null : context.TargetEntity.Read<string>(nameColumn);
            if (!deleting && string.Equals(name?.Trim(), newName?.Trim(), StringComparison.OrdinalIgnoreCase)) return;
            string setting = EnvironmentVariables.Read(context.SystemService, EnvironmentVariable.UnroutedQueue);
            if (string.IsNullOrWhiteSpace(setting) || (!deleting && Domain.Settings.SettingReferenceRules.StillFinds(setting, newName))) return;
            Domain.Routing.Principal named = new RoutingRepository(context.SystemService).QueueOrTeam(setting);
            bool findsRecord = named != null && named.Id == context.ExecutionContext.PrimaryEntityId
                && (named.Kind == Domain.Routing.PrincipalKind.Queue) == (table == Queue.Table);
            Throw(Domain.Settings.SettingReferenceRules.CheckChange(Labels[EnvironmentVariable.UnroutedQueue], setting, findsRecord,
                table == Queue.Table ? "queue" : "team", name, deleting, newName));
        }

        private static void OnValue(LocalPluginContext context)
        {
            Entity row = Values.Merge(context.PreImage(PreImage), context.TargetEntity);
            string valueSchema = row.Read<string>(EnvironmentVariable.SchemaName);
            Guid? definition = row.RefId(EnvironmentVariable.DefinitionId);
            Entity definitionRow = definition == null ? null : context.SystemService.Retrieve(EnvironmentVariable.DefinitionTable,
                definition.Value, new ColumnSet(EnvironmentVariable.SchemaName, EnvironmentVariable.DefaultValue));
            string definitionSchema = definitionRow?.Read<string>(EnvironmentVariable.SchemaName);
            if (!Labels.ContainsKey(valueSchema ?? "") && !Labels.ContainsKey(definitionSchema ?? "")) return; // not CrmCollab's
            string value = row.Read<string>(EnvironmentVariable.Value);
            // A value created, or pointed at another definition, must be the definition's only one.
            bool joins = definition != null && (context.ExecutionContext.MessageName == "Create"
                || (context.TargetEntity.Contains(EnvironmentVariable.DefinitionId)
                    && context.PreImage(PreImage)?.RefId(EnvironmentVariable.DefinitionId) != definition));
            Validate(context, valueSchema, definitionSchema, value, checksQueue: true, emptyReads: definitionRow?.Read<string>(EnvironmentVariable.DefaultValue),
                anotherValue: () => joins && HasAnotherValue(context, definition.Value));
            // A value emptied (nothing, or only spaces) is no value: the setting falls back to its default, as when it is deleted.
            if (string.Equals(definitionSchema, EnvironmentVariable.UnroutedQueue, StringComparison.OrdinalIgnoreCase)
                && string.IsNullOrWhiteSpace(value) && !string.IsNullOrWhiteSpace(context.PreImage(PreImage)?.Read<string>(EnvironmentVariable.Value)))
                CheckFallback(context, definitionRow.Read<string>(EnvironmentVariable.DefaultValue));
        }

        /// <summary>One query: a value row of the definition other than the one being saved.</summary>
        private static bool HasAnotherValue(LocalPluginContext context, Guid definition)
        {
            var query = new QueryExpression(EnvironmentVariable.ValueTable) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(EnvironmentVariable.DefinitionId, ConditionOperator.Equal, definition);
            if (context.ExecutionContext.PrimaryEntityId != Guid.Empty)
                query.Criteria.AddCondition(EnvironmentVariable.ValueId, ConditionOperator.NotEqual, context.ExecutionContext.PrimaryEntityId);
            return context.SystemService.RetrieveMultiple(query).Entities.Count > 0;
        }

        private static void OnDefinition(LocalPluginContext context)
        {
            Entity row = Values.Merge(context.PreImage(PreImage), context.TargetEntity);
            string schema = row.Read<string>(EnvironmentVariable.SchemaName);
            if (!Labels.ContainsKey(schema ?? "")) return;
            // A definition is created by the solution's import, possibly before the queue it names: its default is checked
            // on later changes, and every value an administrator sets is checked.
            Validate(context, null, schema, row.Read<string>(EnvironmentVariable.DefaultValue),
                checksQueue: context.ExecutionContext.MessageName != "Create");
        }

        /// <summary>The team the setting's principal is, or that owns its queue, when nobody active belongs to it; else null.</summary>
        /// <summary>The queue's name when the principal is a queue that is inactive (its status read with its owner); else null.</summary>
        private static string InactiveQueueOf(LocalPluginContext context, Domain.Routing.Principal principal)
        {
            if (principal == null || principal.Kind != Domain.Routing.PrincipalKind.Queue) return null;
            Routing.PossibleOwner queue = Routing.PossibleOwner.Read(context.SystemService, new EntityReference(Queue.Table, principal.Id));
            return queue != null && queue.QueueIsInactive ? queue.OwnedQueue : null;
        }

        private static string EmptyTeamOf(LocalPluginContext context, Domain.Routing.Principal principal)
        {
            if (principal == null || principal.Kind == Domain.Routing.PrincipalKind.User) return null;
            string table = principal.Kind == Domain.Routing.PrincipalKind.Queue ? Queue.Table : Team.Table;
            Routing.PossibleOwner owner = Routing.PossibleOwner.Read(context.SystemService, new EntityReference(table, principal.Id));
            if (owner?.TeamId == null || Routing.PossibleOwner.HasActiveMember(context.SystemService, owner.TeamId.Value)) return null;
            return owner.Who.Substring("the team ".Length);
        }

        private static void Validate(LocalPluginContext context, string valueSchema, string definitionSchema, string value, bool checksQueue,
            string emptyReads = null, Func<bool> anotherValue = null)
        {
            string schema = definitionSchema ?? valueSchema;
            IReadOnlyList<string> columns = new string[0];
            string formatProblem = null;
            if (string.Equals(schema, EnvironmentVariable.StageRequirements, StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    columns = StageRequirementsJson.Parse(value, Terms.StageRequirementsCheck.Stages).AllColumns;
                }
                catch (FormatException invalid)
                {
                    formatProblem = invalid.Message;
                }
            }
            bool locksTerms = string.Equals(schema, EnvironmentVariable.LockedTermsColumns, StringComparison.OrdinalIgnoreCase);
            if (locksTerms) columns = CommaList.Parse(value);
            bool canProbe = TableColumns.CanProbe(context);
            bool namesQueue = checksQueue && string.Equals(schema, EnvironmentVariable.UnroutedQueue, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrWhiteSpace(value);

            Refusal refusal = SettingRules.Check(new SettingValue
            {
                Label = Labels.TryGetValue(schema ?? "", out string label) ? label : schema,
                ValueSchemaName = valueSchema,
                DefinitionSchemaName = definitionSchema,
                FormatProblem = formatProblem,
                UnknownColumns = () => canProbe ? TableColumns.Unknown(context, Opportunity.Table, columns) : new string[0],
                UnverifiedColumns = canProbe ? new string[0] : columns.ToArray(),
                NotLockable = locksTerms
                    ? columns.Where(c => !Guards.OpportunityColumnsWatched.Lockable.Contains(c, StringComparer.OrdinalIgnoreCase)).ToArray()
                    : new string[0],
                Lockable = Guards.OpportunityColumnsWatched.Lockable,
                NamesMissingQueue = () => namesQueue && new RoutingRepository(context.SystemService).QueueOrTeam(value) == null,
                EmptyTeam = () => namesQueue ? EmptyTeamOf(context, new RoutingRepository(context.SystemService).QueueOrTeam(value)) : null,
                InactiveQueue = () => namesQueue ? InactiveQueueOf(context, new RoutingRepository(context.SystemService).QueueOrTeam(value)) : null,
                Value = value,
                EmptyReads = emptyReads,
                AnotherValue = anotherValue ?? (() => false),
            });
            Throw(refusal);
        }
    }
}
