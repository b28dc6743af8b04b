using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>
    /// Runs one message in Dataverse's order: PreValidation (10, outside the transaction when this is the
    /// outermost call) → PreOperation (20) → main operation → PostOperation (40) → commit → async steps queued.
    /// Any failure from stage 20 on rolls back every write of the transaction, nested calls included.
    /// </summary>
    internal sealed class PipelineRunner
    {
        private readonly DataverseEngine _engine;

        /// <summary>The optional parameter a client sets to pass a shared variable to the plug-ins.</summary>
        public const string TagParameter = "tag";

        public PipelineRunner(DataverseEngine engine) => _engine = engine;

        public OrganizationResponse Run(ExecutionFrame frame, OperationSpec spec)
        {
            var op = Begin(frame, spec, out var steps, out bool preImages, out bool postImages);
            // A part of a request validated as a whole runs no PreValidation step of its own.
            if (spec.Validated == null) RunStage(op, steps, StepStage.PreValidation, inTransaction: frame.Transaction != null);

            bool owns = frame.Transaction == null;
            var transaction = frame.Transaction ?? new Transaction();
            op.Transaction = transaction;
            bool committed = !owns; // a caller's transaction is its owner's to roll back
            // A failure rolls back as it leaves (finally, not catch and rethrow: a refusal is thrown once, not again here).
            try
            {
                if (preImages) op.PreStates = spec.ImagesFrom != null ? spec.ImagesFrom.PreStates : Snapshot(op);
                RunStage(op, steps, StepStage.PreOperation, inTransaction: true);
                var response = spec.RunMain(op);
                if (steps.Length > 0 && op.ImageRecords.Count == 0 && op.PrimaryEntityId != Guid.Empty)
                    op.ImageRecords.Add((op.PrimaryEntityName, op.PrimaryEntityId));
                if (postImages) op.PostStates = Snapshot(op);
                RunStage(op, steps, StepStage.PostOperation, inTransaction: true);
                QueueAsync(op, steps, postImages);
                if (owns) transaction.Commit(_engine.AsyncQueue);
                committed = true;
                return response;
            }
            finally
            {
                if (!committed) transaction.Rollback(_engine.Store.Rows);
            }
        }

        /// <summary>
        /// Runs only the PreValidation steps of <paramref name="spec"/>, for a request the platform then processes in
        /// parts: each part is run with <see cref="OperationSpec.Validated"/> set to the operation returned.
        /// </summary>
        public Operation PreValidate(ExecutionFrame frame, OperationSpec spec)
        {
            var op = Begin(frame, spec, out var steps, out _, out _);
            RunStage(op, steps, StepStage.PreValidation, inTransaction: frame.Transaction != null);
            return op;
        }

        /// <summary>The operation every stage's context reads, its steps, and whether they need pre- and post-images.</summary>
        private Operation Begin(ExecutionFrame frame, OperationSpec spec, out StepDefinition[] steps, out bool preImages, out bool postImages)
        {
            var validated = spec.Validated;
            Guid operationId = validated != null && spec.TakesValidatedOperationId
                ? validated.OperationId
                : _engine.OperationIds.Next(); // drawn before the bypass check, as ever: ids stay reproducible
            steps = LogicBypass.Apply(_engine.Steps.For(spec.MessageName, spec.PrimaryEntityName), spec.Request, frame.UserId, _engine.Security);
            var op = new Operation
            {
                MessageName = spec.MessageName,
                PrimaryEntityName = spec.PrimaryEntityName ?? "none",
                PrimaryEntityId = spec.PrimaryEntityId,
                InputParameters = spec.Request.Parameters,
                OperationId = operationId,
                RequestId = spec.Request.RequestId,
                CreatedOn = _engine.Clock.UtcNow,
                UserId = frame.UserId,
                InitiatingUserId = frame.InitiatingUserId,
                Depth = frame.Depth,
                CorrelationId = frame.CorrelationId,
                ParentContext = frame.ParentContext,
                Transaction = frame.Transaction,
            };
            // The parts of a request validated as a whole share one SharedVariables with its PreValidation steps.
            if (validated != null) op.SharedVariables = validated.SharedVariables;
            // The optional parameter "tag", which any client may send, reaches the steps as SharedVariables["tag"]
            // (Microsoft Learn, "Use optional parameters": add a shared variable to the plugin execution context).
            else if (spec.Request.Parameters.Count > 0 && spec.Request.Parameters.TryGetValue(TagParameter, out object tag) && tag != null)
                op.SharedVariables[TagParameter] = tag;
            // Image records matter to steps only; a handler's own list (CreateMultiple fills it) is always kept.
            if (spec.ImageRecords != null) op.ImageRecords = spec.ImageRecords;
            else if (steps.Length > 0 && spec.PrimaryEntityId != Guid.Empty && !spec.ImageRecordAfterMain)
                op.ImageRecords.Add((spec.PrimaryEntityName, spec.PrimaryEntityId));
            // States are only read to build step images: without a step asking for one, no snapshot is taken.
            preImages = spec.HasPreImage && steps.Length > 0 && AnyImage(steps, ImageType.PostImage);
            postImages = spec.HasPostImage && steps.Length > 0 && AnyImage(steps, ImageType.PreImage);
            if (preImages) op.PreStates = Snapshot(op);
            return op;
        }

        /// <summary>True when a step registers an image other than <paramref name="except"/>.</summary>
        private static bool AnyImage(StepDefinition[] steps, ImageType except)
        {
            foreach (var step in steps)
                foreach (var image in step.Images)
                    if (image.ImageType != except) return true;
            return false;
        }

        // Stored rows are replaced, never changed in place, so holding them is a snapshot.
        private List<Entity> Snapshot(Operation op)
        {
            var records = op.ImageRecords;
            var states = new List<Entity>(records.Count);
            foreach (var (table, id) in records) states.Add(_engine.Store.Rows.TryGet(table, id, out var row) ? row : null);
            return states;
        }

        private void RunStage(Operation op, StepDefinition[] steps, StepStage stage, bool inTransaction)
        {
            foreach (var step in steps)
            {
                if (step.Stage != stage || step.Mode != StepMode.Synchronous) continue;
                if (!_engine.Steps.PassesFilter(step, op.InputParameters)) continue;
                Execute(op, step, (int)stage, mode: 0, inTransaction);
            }
        }

        private void QueueAsync(Operation op, StepDefinition[] steps, bool hasPostImage)
        {
            foreach (var step in steps)
            {
                if (step.Mode != StepMode.Asynchronous || !_engine.Steps.PassesFilter(step, op.InputParameters)) continue;
                op.Transaction.PendingAsync.Add(new AsyncJob { Step = step, Operation = Freeze(op, hasPostImage) });
            }
        }

        /// <summary>
        /// The operation as async steps will see it: the lists copied (the running operation may still add to
        /// them, e.g. CreateMultiple's image records) and the post-image as of now.
        /// </summary>
        private Operation Freeze(Operation op, bool hasPostImage)
        {
            var frozen = op.Detached();
            frozen.ImageRecords = op.ImageRecords.ToList();
            frozen.PreStates = op.PreStates.ToList();
            frozen.PostStates = hasPostImage ? Snapshot(op) : (IReadOnlyList<Entity>)Array.Empty<Entity>();
            return frozen;
        }

        /// <summary>Runs one step; plugin exceptions become the faults a client sees.</summary>
        internal void Execute(Operation op, StepDefinition step, int stage, int mode, bool inTransaction)
        {
            CostBreakdown costs = _engine.Metrics.CostBreakdown;
            if (costs == null)
            {
                RunStep(op, step, stage, mode, inTransaction);
                return;
            }
            costs.EnterStep(step.Name);
            try
            {
                RunStep(op, step, stage, mode, inTransaction);
            }
            finally
            {
                costs.Exit();
            }
        }

        private void RunStep(Operation op, StepDefinition step, int stage, int mode, bool inTransaction)
        {
            Guid userId = step.RunAsUserId ?? op.UserId;
            var context = new PluginExecutionContext(op, step, stage, mode, userId, _engine.BusinessUnitOfUser(userId),
                WellKnownIds.OrganizationId, _engine.Options.OrganizationName, _engine.Options.IsolationMode)
            {
                IsInTransaction = inTransaction,
            };
            if (step.Images.Count > 0) AddImages(context, op, step, stage);
            else context.ImageSlots = op.ImageRecords.Count; // empty collections, made if a plugin reads them
            var tracing = new TracingService();
            var provider = new PluginServiceProvider(_engine, context, tracing);
            _engine.Metrics.RecordPluginExecution();
            bool failed = true; // until the plugin returns
            try
            {
                _engine.Plugins.Get(step).Execute(provider);
                failed = false;
            }
            catch (InvalidPluginExecutionException ex)
            {
                // Documented: a thrown InvalidPluginExecutionException reaches the caller with its message and the
                // IsvAborted code. The exception's own ErrorCode is not read: its default differs between SDK builds.
                throw Faults.Create(ErrorCodes.IsvAborted, ex.Message);
            }
            catch (Exception ex) when (!(ex is FaultException<OrganizationServiceFault>)) // a failed nested call goes on unchanged
            {
                throw Faults.Create(ErrorCodes.IsvUnExpected,
                    $"Unexpected exception from plug-in (Execute): {step.PluginTypeName}: {ex.GetType().FullName}: {ex.Message}");
            }
            finally
            {
                PluginTraceLogSetting logging = _engine.Options.PluginTraceLog;
                if (logging == PluginTraceLogSetting.All || (failed && logging == PluginTraceLogSetting.Exception))
                    _engine.RecordTrace(new TraceRecord
                    {
                        StepName = step.Name, MessageName = op.MessageName, PrimaryEntityName = op.PrimaryEntityName,
                        Stage = stage, Mode = mode, Text = tracing.Text,
                    });
                tracing.Release();
            }
            // The plugin swallowed a failed call but the transaction is already gone.
            if (inTransaction && mode == 0 && op.Transaction?.Doomed == true)
                throw Faults.Create(ErrorCodes.IsvTransactionCount, ErrorCodes.TransactionCountMessage);
        }

        private void AddImages(PluginExecutionContext context, Operation op, StepDefinition step, int stage)
        {
            int count = op.ImageRecords.Count;
            context.ImageSlots = count; // a side without an image gets its empty collections if a plugin reads them
            EntityImageCollection[] pre = null, post = null;
            foreach (var image in step.Images)
            {
                List<string> columns = image.Attributes.Count == 0 ? null : image.Attributes;
                for (int i = 0; i < count; i++)
                {
                    if (image.ImageType != ImageType.PostImage && i < op.PreStates.Count && op.PreStates[i] != null)
                        (pre ??= SizedEntity.Images(count, step.Images.Count))[i][image.EntityAlias] = ImageOf(op.PreStates[i], image, columns);
                    if (image.ImageType != ImageType.PreImage && stage == (int)StepStage.PostOperation
                        && i < op.PostStates.Count && op.PostStates[i] != null)
                        (post ??= SizedEntity.Images(count, step.Images.Count))[i][image.EntityAlias] = ImageOf(op.PostStates[i], image, columns);
                }
            }
            if (pre != null) context.PreEntityImagesCollection = pre;
            if (post != null) context.PostEntityImagesCollection = post;
        }

        // A stored row's values are picked in one pass over its column numbers, by a pick kept for each image (its
        // columns never change after boot); another row's columns are looked up one by one.
        private Entity ImageOf(Entity state, StepImageDefinition definition, List<string> columns)
        {
            Entity image;
            if (columns == null) image = EntityCloner.Project(state, null);
            else if (state is StoredRow row && row.Stored is StoredAttributes values)
            {
                if (!_picks.TryGetValue(definition, out var pick) || !pick.Fits(columns, values.Layout))
                    _picks[definition] = pick = new ColumnPick(columns, values.Layout);
                image = pick.Copy(state, values);
            }
            else image = EntityCloner.ProjectFew(state, columns);
            _engine.Store.Format(image);
            return image;
        }

        // Like the step registry's selections, safe to share: a pick is immutable and replaced whole.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<StepImageDefinition, ColumnPick> _picks =
            new System.Collections.Concurrent.ConcurrentDictionary<StepImageDefinition, ColumnPick>(ReferenceEqualityComparer.Instance);
    }
}
