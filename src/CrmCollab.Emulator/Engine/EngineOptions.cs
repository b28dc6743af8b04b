using System;
using System.Collections.Generic;
using System.Reflection;

namespace CrmCollab.Emulator.Engine
{
    public sealed class EngineOptions
    {
        /// <summary>Start of the organisation's clock (UTC).</summary>
        public DateTime StartTimeUtc { get; set; } = new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc);

        /// <summary>Assemblies searched for the types named by StepDefinition.PluginTypeName.</summary>
        public List<Assembly> PluginAssemblies { get; } = new List<Assembly>();

        /// <summary>Secure configuration by step id (solutions never carry it); wins over StepDefinition.SecureConfiguration.</summary>
        public Dictionary<Guid, string> SecureConfigurations { get; } = new Dictionary<Guid, string>();

        /// <summary>Reported as IExecutionContext.IsolationMode; 2 = sandbox, as in Dataverse online.</summary>
        public int IsolationMode { get; set; } = 2;

        /// <summary>Deepest allowed call depth; a call deeper than this fails as an infinite loop.</summary>
        public int MaxDepth { get; set; } = 8;

        /// <summary>How many times a failed async step is retried before it is recorded in AsyncFailures.</summary>
        public int AsyncRetryCount { get; set; } = 3;

        /// <summary>Seed of the id generator: new record, operation and correlation ids are reproducible.</summary>
        public int Seed { get; set; } = 1;

        /// <summary>
        /// Dataverse enforces only SystemRequired columns through the SDK and Web API; ApplicationRequired (business
        /// required) is a form rule. Off by default, as on the server; a caller that wants incomplete records caught
        /// (the simulation, on purpose) switches it on.
        /// </summary>
        public bool EnforceApplicationRequired { get; set; }

        public string OrganizationName { get; set; } = "crmcollab";

        /// <summary>
        /// Alternate keys as they stand right after a solution import: their indexes are built by a background job
        /// (Microsoft Learn "Work with alternate keys", Monitor index creation), so every key starts Pending, enforces
        /// nothing and names no row until <see cref="DataverseEngine.BuildAlternateKeyIndexes"/> runs that job. Off by
        /// default: the organisation boots as if the jobs had finished, every key Active.
        /// </summary>
        public bool AlternateKeysPendingAtBoot { get; set; }

        /// <summary>
        /// Which plug-in executions reach <see cref="DataverseEngine.Traces"/>: every one by default (tests and the smoke
        /// read them), or, as in an organisation where logging is off or kept to exceptions, fewer.
        /// </summary>
        public PluginTraceLogSetting PluginTraceLog { get; set; } = PluginTraceLogSetting.All;

        /// <summary>How many recent trace and telemetry records are kept (at most twice as many before a trim); 0: all.</summary>
        public int TraceRetention { get; set; } = 50_000;

        /// <summary>Role privileges, business units, teams and disabled users are enforced as on the server.</summary>
        public bool EnforceSecurity { get; set; } = true;

        /// <summary>
        /// The images the second part of a split Update (state or owner fields sent with other columns) is given. Microsoft
        /// documents the split and says a step needing the whole change keeps it in SharedVariables; no page says whether
        /// the second part's images are read after the first part wrote (the default here, each part reading the row as it
        /// begins) or once, before the request. On, the second part's pre-images show the row as it was before the request:
        /// the other reading, so a test can show a step holds under both.
        /// </summary>
        public bool SplitUpdateImagesBeforeRequest { get; set; }
    }

    /// <summary>Fixed ids of the rows Boot creates, the same in every run.</summary>
    public static class WellKnownIds
    {
        public static readonly Guid OrganizationId = new Guid("c0110000-0000-4000-8000-000000000001");
        public static readonly Guid RootBusinessUnitId = new Guid("c0110000-0000-4000-8000-000000000002");
        public static readonly Guid SystemUserId = new Guid("c0110000-0000-4000-8000-000000000003");
        public static readonly Guid RootTeamId = new Guid("c0110000-0000-4000-8000-000000000004");

        /// <summary>The System Administrator role of the root business unit (the seed's; its copies get ids as they are made).</summary>
        public static readonly Guid SystemAdministratorRoleId = new Guid("c0110000-0000-4000-8000-000000000005");

        /// <summary>
        /// The SystemAdmin role template, "unique and constant in all environments" (powerapps-docs
        /// developer/data-platform/security-roles.md, standard role templates): the role's roletemplateid.
        /// </summary>
        public static readonly Guid SystemAdministratorRoleTemplateId = new Guid("627090FF-40A3-4053-8790-584EDC5BE201");
    }

    /// <summary>One plugin execution's trace log.</summary>
    public sealed class TraceRecord
    {
        public string StepName { get; internal set; }
        public string MessageName { get; internal set; }
        public string PrimaryEntityName { get; internal set; }
        public int Stage { get; internal set; }
        public int Mode { get; internal set; }
        public string Text { get; internal set; }
        public override string ToString() => $"[{StepName} {MessageName}/{Stage}] {Text}";
    }

    /// <summary>An async step that failed every attempt.</summary>
    public sealed class AsyncFailure
    {
        public string StepName { get; internal set; }
        public string MessageName { get; internal set; }
        public string PrimaryEntityName { get; internal set; }
        public Guid PrimaryEntityId { get; internal set; }
        public int Attempts { get; internal set; }
        public string Message { get; internal set; }
        public int ErrorCode { get; internal set; }
        public Exception Exception { get; internal set; }
    }

    /// <summary>What a plugin logged through PluginTelemetry.ILogger.</summary>
    public sealed class TelemetryRecord
    {
        public string StepName { get; internal set; }
        public string Level { get; internal set; }
        public string Text { get; internal set; }
    }

    /// <summary>A post made through IServiceEndpointNotificationService.</summary>
    public sealed class EndpointPost
    {
        public Microsoft.Xrm.Sdk.EntityReference ServiceEndpoint { get; internal set; }
        public string MessageName { get; internal set; }
        public string PrimaryEntityName { get; internal set; }
        public Guid PrimaryEntityId { get; internal set; }
    }
}
