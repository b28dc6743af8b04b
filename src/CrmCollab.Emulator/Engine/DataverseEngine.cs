using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Messages;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Query;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// The embedded Dataverse: an in-memory organisation booted from a solution, running the registered plugin
    /// steps in the platform's pipeline order, reached through IOrganizationService like the real one.
    /// </summary>
    public sealed class DataverseEngine
    {
        private readonly List<TraceRecord> _traces = new List<TraceRecord>();
        private readonly List<AsyncFailure> _asyncFailures = new List<AsyncFailure>();
        private readonly List<TelemetryRecord> _telemetry = new List<TelemetryRecord>();
        private readonly List<EndpointPost> _posts = new List<EndpointPost>();
        private readonly MessageRouter _router;
        private readonly AsyncRunner _async;

        private DataverseEngine(SolutionDefinition solution, EngineOptions options)
        {
            Solution = solution;
            Options = options;
            Clock = new EngineClock(options.StartTimeUtc);
            Ids = new IdGenerator(options.Seed);
            OperationIds = new IdGenerator(unchecked(options.Seed * 31 + 17));
            Store = new DataStore(Catalog, Clock, options.EnforceApplicationRequired, BusinessUnitOf, Ids.Next);
            Store.Rows.Changed += table =>
            {
                // Role, team and business-unit changes must be seen by the very next access check.
                Security?.InvalidateIfAffected(table);
                RowsChanged?.Invoke(table);
            };
            DataSource = new StoreDataSource(Store);
            Steps = new StepRegistry(solution.Steps);
            CustomApis = new CustomApiRegistry(solution.CustomApis);
            Plugins = new PluginFactory(options.PluginAssemblies.ToList(), options.SecureConfigurations);
            Pipeline = new PipelineRunner(this);
            _async = new AsyncRunner(this, Pipeline);
            _router = new MessageRouter(this);
            SystemService = CreateService(WellKnownIds.SystemUserId);
            ServiceFactory = new EngineServiceFactory(this);
        }

        /// <summary>Boots an organisation from a solution definition (its catalog should hold the built-in tables).</summary>
        public static DataverseEngine Boot(SolutionDefinition solution, EngineOptions options = null)
        {
            if (solution == null) throw new ArgumentNullException(nameof(solution));
            if (solution.Catalog.Table("systemuser") == null) BuiltInTables.AddTo(solution.Catalog);
            var engine = new DataverseEngine(solution, options ?? new EngineOptions());
            OrganizationSeed.Plant(engine);
            if (engine.Options.AlternateKeysPendingAtBoot)
                foreach (var table in engine.Catalog.Tables.Values)
                    foreach (var key in table.Keys) engine.Store.Keys.SetState(table, key, KeyIndexState.Pending);
            if (engine.Options.EnforceSecurity)
                engine.Security = new SecurityGuard(engine.DataSource, solution, engine.Clock) { SystemUserId = WellKnownIds.SystemUserId };
            return engine;
        }

        /// <summary>Boots from an unpacked solution folder (SolutionLoader merges the built-in tables).</summary>
        public static DataverseEngine Boot(string solutionFolder, EngineOptions options = null)
        {
            options = options ?? new EngineOptions();
            var load = new CrmCollab.Emulator.Solution.SolutionLoadOptions();
            foreach (var pair in options.SecureConfigurations) load.SecureConfigurations[pair.Key] = pair.Value;
            return Boot(CrmCollab.Emulator.Solution.SolutionLoader.Load(solutionFolder, load), options);
        }

        public EngineClock Clock { get; }
        public MetadataCatalog Catalog => Solution.Catalog;
        public SolutionDefinition Solution { get; }
        public EngineOptions Options { get; }
        public DataStore Store { get; }
        public IQueryDataSource DataSource { get; }
        public IOrganizationService SystemService { get; }

        /// <summary>Platform semantics outside a plugin: null/Guid.Empty = SYSTEM, an id = that user.</summary>
        public IOrganizationServiceFactory ServiceFactory { get; }

        public EngineMetrics Metrics { get; } = new EngineMetrics();

        /// <summary>Access checks: the solution's roles over business units, teams and owners (EngineOptions.EnforceSecurity);
        /// null means every check passes.</summary>
        public ISecurityGuard Security { get; set; }

        public Guid OrganizationId => WellKnownIds.OrganizationId;
        public Guid RootBusinessUnitId => WellKnownIds.RootBusinessUnitId;
        public Guid SystemUserId => WellKnownIds.SystemUserId;

        public IReadOnlyList<TraceRecord> Traces => _traces;
        public IReadOnlyList<AsyncFailure> AsyncFailures => _asyncFailures;
        public IReadOnlyList<TelemetryRecord> Telemetry => _telemetry;
        public IReadOnlyList<EndpointPost> EndpointPosts => _posts;
        public int PendingAsyncCount => _async.Queue.Count;

        /// <summary>Raised with the table name whenever a row is written or restored.</summary>
        public event Action<string> RowsChanged;

        internal IdGenerator Ids { get; }

        /// <summary>
        /// Operation and correlation ids, drawn from a stream of their own: the ids of records then depend only on the
        /// records created, not on how many calls (reads included) the plugins made before them.
        /// </summary>
        internal IdGenerator OperationIds { get; }
        internal StepRegistry Steps { get; }
        internal PluginFactory Plugins { get; }
        internal CustomApiRegistry CustomApis { get; }
        internal PipelineRunner Pipeline { get; }
        internal List<AsyncJob> AsyncQueue => _async.Queue;

        public IOrganizationService CreateService(Guid userId) => new OrganizationService(this, userId, null);

        /// <summary>Runs queued async steps (and those they raise) until none remain; returns how many ran.</summary>
        public int DrainAsync() => _async.Drain();

        /// <summary>
        /// Runs the background jobs that build the indexes of keys not yet Active: a key becomes Active, or Failed when
        /// rows already share its values (a unique index cannot be built over them). Failed keys are retried here too,
        /// as ReactivateEntityKey submits a new job.
        /// </summary>
        public void BuildAlternateKeyIndexes()
        {
            foreach (var table in Catalog.Tables.Values)
                foreach (var key in table.Keys)
                    if (Store.Keys.StateOf(table, key) != KeyIndexState.Active) Store.Keys.BuildIndex(table, key);
        }

        /// <summary>The index state of a table's alternate key (EntityKeyMetadata.EntityKeyIndexStatus).</summary>
        public KeyIndexState AlternateKeyState(string table, string keyName)
        {
            var definition = Catalog.Table(table) ?? throw new ArgumentException($"No table '{table}'.", nameof(table));
            var key = definition.Keys.FirstOrDefault(k => k.LogicalName == keyName)
                ?? throw new ArgumentException($"No alternate key '{keyName}' on '{table}'.", nameof(keyName));
            return Store.Keys.StateOf(definition, key);
        }

        public void ClearTraces() => _traces.Clear();

        /// <summary>Every organization-service call, from callers and plugins alike, enters here.</summary>
        internal OrganizationResponse Execute(OrganizationRequest request, ExecutionFrame frame)
        {
            try
            {
                return Run(request, frame);
            }
            // Faults are raised deep in handlers and the query engine, which know no clock: the service stamps them with
            // the organisation's time on the way out, so they never carry the wall clock. Stamped by the filter, which
            // catches nothing: a refusal is thrown once on its way to the caller, not again at each level it leaves.
            catch (FaultException<OrganizationServiceFault> fault) when (Stamp(fault))
            {
                throw; // never reached: Stamp is false
            }
        }

        private bool Stamp(FaultException<OrganizationServiceFault> fault)
        {
            if (fault.Detail != null && fault.Detail.Timestamp == default) fault.Detail.Timestamp = Clock.UtcNow;
            return false;
        }

        /// <summary>On the server a failed call inside a plugin's transaction ends that transaction (set as the fault
        /// passes, by a filter that catches nothing).</summary>
        private static bool Doom(ExecutionFrame frame)
        {
            if (frame.FromPlugin && frame.Transaction != null) frame.Transaction.Doomed = true;
            return false;
        }

        private OrganizationResponse Run(OrganizationRequest request, ExecutionFrame frame)
        {
            if (request == null) throw Faults.Invalid("The request is required.");
            if (frame.FromPlugin) Metrics.RecordPluginCall(request.RequestName ?? "", frame.ParentContext?.OwningExtension?.Name);
            CostBreakdown costs = Metrics.CostBreakdown;
            if (costs == null) return Serve(request, frame);
            costs.EnterRequest(request, frame.FromPlugin);
            try
            {
                return Serve(request, frame);
            }
            finally
            {
                costs.Exit();
            }
        }

        private OrganizationResponse Serve(OrganizationRequest request, ExecutionFrame frame)
        {
            if (frame.Depth > Options.MaxDepth)
                throw Faults.Create(ErrorCodes.SdkCorrelationTokenDepthTooHigh, ErrorCodes.DepthMessage);
            if (frame.Transaction?.Doomed == true)
                throw Faults.Create(ErrorCodes.NoActiveTransaction, ErrorCodes.NoActiveTransactionMessage);
            try
            {
                Security?.DemandActiveUser(frame.UserId);
                // The caller's objects never enter the pipeline: plugins work on copies, and the store copies what it
                // keeps. A message no step observes is the exception: nothing would see the copy (see IsUnobserved).
                frame.SharesCallersRequest = IsUnobserved(request);
                var copy = frame.SharesCallersRequest ? request : EntityCloner.CloneRequest(request);
                return ResponseTypes.Typed(_router.Dispatch(copy, frame));
            }
            catch (FaultException<OrganizationServiceFault>) when (Doom(frame))
            {
                throw; // never reached: Doom is false
            }
        }

        /// <summary>
        /// True when no step can see the request, so it needs no copy: a read with no step registered (reads change
        /// nothing), or a Create or an Update by id of a table with no step for that message nor its bulk message (the store copies every
        /// value it keeps; the handlers leave a shared target as it came). A target named by key or primary-id column
        /// is copied: the Update handler writes the resolved id on it; so is a Create carrying related rows.
        /// </summary>
        private bool IsUnobserved(OrganizationRequest request)
        {
            string message = request.RequestName;
            if (string.Equals(message, "Retrieve", StringComparison.OrdinalIgnoreCase)
                || string.Equals(message, "RetrieveMultiple", StringComparison.OrdinalIgnoreCase))
                return !Steps.HasSteps(message);
            bool create = string.Equals(message, "Create", StringComparison.OrdinalIgnoreCase);
            if (!create && !string.Equals(message, "Update", StringComparison.OrdinalIgnoreCase)) return false;
            return request.Parameters.TryGetValue("Target", out var raw) && raw is Entity target && target.LogicalName != null
                && (create || target.Id != Guid.Empty) && Steps.For(message, target.LogicalName).Length == 0
                // The merged pipeline: the bulk message's steps see a single Create or Update too (Messages.BulkEvent).
                && Steps.For(create ? "CreateMultiple" : "UpdateMultiple", target.LogicalName).Length == 0
                // A lookup named by alternate key is replaced by its id in the target: the caller's entity is not to change.
                && !KeyedLookups.Any(target)
                // Nor are the related rows of a deep insert (Messages.DeepInsert sets their lookups and ids).
                && !(create && EntityParts.HasRelatedRows(target));
        }

        /// <summary>Platform-internal calls (sub-operations, batch items): no copy, no metrics, no depth step.</summary>
        internal OrganizationResponse Dispatch(OrganizationRequest request, ExecutionFrame frame) =>
            ResponseTypes.Typed(_router.Dispatch(request, frame));

        internal Guid BusinessUnitOfUser(Guid userId) =>
            Security is SecurityGuard guard ? guard.BusinessUnitOfUser(userId) : BusinessUnitOf(new EntityReference("systemuser", userId));

        internal Guid BusinessUnitOf(EntityReference owner)
        {
            if (Security != null) return Security.BusinessUnitOf(owner);
            if (owner != null && Store.Rows.TryGet(owner.LogicalName, owner.Id, out var row)
                && row.GetAttributeValue<object>("businessunitid") is EntityReference bu)
                return bu.Id;
            return WellKnownIds.RootBusinessUnitId;
        }

        internal void RecordTrace(TraceRecord record) => Keep(_traces, record);
        internal void RecordAsyncFailure(AsyncFailure failure) => _asyncFailures.Add(failure);
        internal void RecordTelemetry(TelemetryRecord record) => Keep(_telemetry, record);

        /// <summary>
        /// Like the platform's plugin trace log, only the most recent records are kept (EngineOptions.TraceRetention):
        /// a long simulation must not grow its memory with every trace line. Trimmed in batches: amortised O(1).
        /// </summary>
        private void Keep<T>(List<T> log, T record)
        {
            log.Add(record);
            int keep = Options.TraceRetention;
            if (keep > 0 && log.Count >= 2 * keep) log.RemoveRange(0, log.Count - keep);
        }
        internal void RecordPost(EndpointPost post) => _posts.Add(post);
    }
}
