using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>The undo log of one outer operation plus what must happen when it commits.</summary>
    internal sealed class Transaction
    {
        private List<AsyncJob> _pendingAsync;
        private UndoLog _log;

        /// <summary>The writes to undo on rollback; made by the first write (a read's transaction never needs one).</summary>
        public UndoLog Log => _log ??= new UndoLog();

        /// <summary>Undoes the transaction's writes, if it made any.</summary>
        public void Rollback(RowStore rows) => _log?.Rollback(rows);

        /// <summary>Set when a call inside the transaction failed: the server ends the transaction then.</summary>
        public bool Doomed { get; set; }

        /// <summary>Async steps raised inside the transaction; queued only if it commits.</summary>
        public List<AsyncJob> PendingAsync => _pendingAsync ??= new List<AsyncJob>();

        public bool HasPendingAsync => _pendingAsync != null && _pendingAsync.Count > 0;

        /// <summary>
        /// Ends the transaction for its owner: a doomed one is refused (the owner's catch then rolls it back), else
        /// its writes stay and the async steps raised inside join <paramref name="asyncQueue"/>.
        /// </summary>
        public void Commit(List<AsyncJob> asyncQueue)
        {
            if (Doomed) throw Faults.Create(ErrorCodes.NoActiveTransaction, ErrorCodes.NoActiveTransactionMessage);
            _log?.Clear();
            if (HasPendingAsync) asyncQueue.AddRange(PendingAsync);
        }
    }

    /// <summary>
    /// Who calls and from where: one per organization-service call. A plugin's call gets a child frame with
    /// depth + 1, the same correlation id and (when the plugin runs inside a transaction) the same transaction.
    /// </summary>
    internal sealed class ExecutionFrame
    {
        public Guid UserId { get; set; }
        public Guid InitiatingUserId { get; set; }
        public int Depth { get; set; } = 1;
        public Guid CorrelationId { get; set; }
        public IPluginExecutionContext ParentContext { get; set; }
        public Transaction Transaction { get; set; }
        public bool FromPlugin { get; set; }

        /// <summary>
        /// The request being handled is the caller's own object, not a copy: set only when no step can observe it
        /// (see DataverseEngine.IsUnobserved), so handlers must not change it. Not passed to inner frames.
        /// </summary>
        public bool SharesCallersRequest { get; set; }

        /// <summary>
        /// The call is a sub-operation the platform makes within another (MessageContext.Inner: a Win's Update, an
        /// Upsert's Create, each row of a CreateMultiple), not a message a caller or plugin sent. Not passed on by Within.
        /// </summary>
        public bool InnerOperation { get; set; }

        /// <summary>
        /// The call is the platform's cascade of an operation to a related row (AssignCascade), or a sub-operation of one.
        /// No page says whether a cascade asks the caller's privileges on each related row; the engine does not (the
        /// platform performs it), so a plug-in step of the related row, not a privilege fault, decides. Passed on by
        /// MessageContext.InnerFrame, not by Within (a plug-in's own calls are asked as usual).
        /// </summary>
        public bool Cascaded { get; set; }

        /// <summary>A platform-internal call made within this one: same caller, depth and correlation.</summary>
        public ExecutionFrame Within(IPluginExecutionContext parentContext, Transaction transaction) => new ExecutionFrame
        {
            UserId = UserId, InitiatingUserId = InitiatingUserId, Depth = Depth, CorrelationId = CorrelationId,
            ParentContext = parentContext, Transaction = transaction, FromPlugin = FromPlugin,
        };
    }

    /// <summary>One message going through the pipeline: what every stage's context reads.</summary>
    internal sealed class Operation
    {
        public string MessageName { get; set; }
        public string PrimaryEntityName { get; set; }
        public Guid PrimaryEntityId { get; set; }
        public ParameterCollection InputParameters { get; set; }
        private ParameterCollection _outputParameters;

        // Made on first use: the response's own collection is adopted when the main operation sets none (Respond).
        public ParameterCollection OutputParameters
        {
            get => _outputParameters ??= new ParameterCollection();
            set => _outputParameters = value;
        }

        public bool HasOutputParameters => _outputParameters != null;
        private ParameterCollection _sharedVariables;

        // Made on first use: most operations run no step that shares a variable.
        public ParameterCollection SharedVariables
        {
            get => _sharedVariables ??= new ParameterCollection();
            set => _sharedVariables = value;
        }
        public Guid OperationId { get; set; }
        public Guid? RequestId { get; set; }
        public DateTime CreatedOn { get; set; }
        public Guid UserId { get; set; }
        public Guid InitiatingUserId { get; set; }
        public int Depth { get; set; }
        public Guid CorrelationId { get; set; }
        public IPluginExecutionContext ParentContext { get; set; }
        public Transaction Transaction { get; set; }

        /// <summary>The records images are taken of (one for single messages, one per target for *Multiple).</summary>
        public List<(string Table, Guid Id)> ImageRecords
        {
            get => _imageRecords ??= new List<(string, Guid)>(1); // one record for every message but the *Multiple ones, which bring their list
            set => _imageRecords = value;
        }

        private List<(string Table, Guid Id)> _imageRecords; // only steps read it: made on first use
        public IReadOnlyList<Entity> PreStates { get; set; } = Array.Empty<Entity>();
        public IReadOnlyList<Entity> PostStates { get; set; } = Array.Empty<Entity>();

        /// <summary>
        /// The operation outside its transaction, as an async step sees it: parameter collections copied (a plugin
        /// changing them must not reach the original), images and states shared (they are never changed in place).
        /// </summary>
        public Operation Detached() => new Operation
        {
            MessageName = MessageName, PrimaryEntityName = PrimaryEntityName, PrimaryEntityId = PrimaryEntityId,
            InputParameters = EntityCloner.CloneParameters(InputParameters),
            OutputParameters = EntityCloner.CloneParameters(OutputParameters),
            SharedVariables = EntityCloner.CloneParameters(SharedVariables),
            OperationId = OperationId, RequestId = RequestId, CreatedOn = CreatedOn, UserId = UserId,
            InitiatingUserId = InitiatingUserId, Depth = Depth, CorrelationId = CorrelationId,
            ImageRecords = ImageRecords, PreStates = PreStates, PostStates = PostStates,
        };
    }

    /// <summary>An async step waiting for DrainAsync, with everything its context needs frozen.</summary>
    internal sealed class AsyncJob
    {
        public StepDefinition Step { get; set; }
        public Operation Operation { get; set; }
        public int Attempts { get; set; }
    }
}
