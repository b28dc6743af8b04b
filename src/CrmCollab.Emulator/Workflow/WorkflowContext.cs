using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Emulator.Workflow
{
    /// <summary>The IWorkflowContext a custom activity reads through context.GetExtension&lt;IWorkflowContext&gt;().</summary>
    public sealed class WorkflowContext : IWorkflowContext
    {
        // Workflows run in the sandbox, like plugins.
        private const int SandboxIsolation = 2;

        /// <summary>A background workflow's context on <paramref name="primaryEntity"/>, run as <paramref name="userId"/>.</summary>
        public WorkflowContext(EntityReference primaryEntity, Guid userId, DateTime utcNow, int depth = 1, Guid correlationId = default)
            : this(new WorkflowRunContext
            {
                PrimaryEntity = primaryEntity, UserId = userId, UtcNow = utcNow, Depth = depth, CorrelationId = correlationId,
            })
        {
        }

        public WorkflowContext(WorkflowRunContext run)
        {
            if (run == null) throw new ArgumentNullException(nameof(run));
            var primary = run.PrimaryEntity;
            UserId = run.UserId;
            InitiatingUserId = run.InitiatingUserId ?? run.UserId;
            BusinessUnitId = run.BusinessUnitId;
            OrganizationId = run.OrganizationId;
            OrganizationName = run.OrganizationName;
            PrimaryEntityName = primary?.LogicalName;
            PrimaryEntityId = primary?.Id ?? Guid.Empty;
            Depth = run.Depth;
            MessageName = run.MessageName;
            WorkflowCategory = run.WorkflowCategory;
            WorkflowMode = run.WorkflowMode;
            // IExecutionContext.Mode: 0 synchronous, 1 asynchronous; real-time workflows run synchronously.
            Mode = run.WorkflowMode == 1 ? 0 : 1;
            StageName = run.StageName;
            ParentContext = run.ParentContext;
            OperationCreatedOn = DateTime.SpecifyKind(run.UtcNow, DateTimeKind.Utc);
            CorrelationId = run.CorrelationId != Guid.Empty ? run.CorrelationId : Derive("correlation", primary, run.UtcNow);
            OperationId = run.OperationId != Guid.Empty ? run.OperationId : Derive("operation", primary, run.UtcNow);
            RequestId = OperationId;

            Copy(run.InputParameters, InputParameters);
            if (primary != null && !InputParameters.ContainsKey("Target")) InputParameters["Target"] = primary;
            Copy(run.SharedVariables, SharedVariables);
            if (run.PreEntityImages != null) foreach (var p in run.PreEntityImages) PreEntityImages[p.Key] = p.Value;
            if (run.PostEntityImages != null) foreach (var p in run.PostEntityImages) PostEntityImages[p.Key] = p.Value;
        }

        public IWorkflowContext ParentContext { get; }
        public int WorkflowCategory { get; }
        public int WorkflowMode { get; }
        public string StageName { get; }

        public int Mode { get; }
        public int IsolationMode => SandboxIsolation;
        public int Depth { get; }
        public string MessageName { get; }
        public string PrimaryEntityName { get; }
        public Guid? RequestId { get; }
        public string SecondaryEntityName => "none";
        public ParameterCollection InputParameters { get; } = new ParameterCollection();
        public ParameterCollection OutputParameters { get; } = new ParameterCollection();
        public ParameterCollection SharedVariables { get; } = new ParameterCollection();
        public Guid UserId { get; }
        public Guid InitiatingUserId { get; }
        public Guid BusinessUnitId { get; }
        public Guid OrganizationId { get; }
        public string OrganizationName { get; }
        public Guid PrimaryEntityId { get; }
        public EntityImageCollection PreEntityImages { get; } = new EntityImageCollection();
        public EntityImageCollection PostEntityImages { get; } = new EntityImageCollection();
        public EntityReference OwningExtension => null;
        public Guid CorrelationId { get; }
        public bool IsExecutingOffline => false;
        public bool IsOfflinePlayback => false;
        /// <summary>Background workflows run outside the triggering transaction; real-time ones inside it.</summary>
        public bool IsInTransaction => WorkflowMode == 1;
        public Guid OperationId { get; }
        public DateTime OperationCreatedOn { get; }

        private static void Copy(IDictionary<string, object> from, ParameterCollection to)
        {
            if (from == null) return;
            foreach (var pair in from) to[pair.Key] = pair.Value;
        }

        private static Guid Derive(string purpose, EntityReference primary, DateTime when)
        {
            var text = purpose + "|" + primary?.LogicalName + "|" + (primary?.Id ?? Guid.Empty) + "|" + when.Ticks;
            using (var md5 = MD5.Create()) return new Guid(md5.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }
    }

    /// <summary>Collects trace lines for the run's result and forwards them to an outer tracer if any.</summary>
    public sealed class WorkflowTracingService : ITracingService
    {
        private readonly List<string> _lines = new List<string>();
        private readonly ITracingService _next;

        public WorkflowTracingService(ITracingService next = null)
        {
            _next = next;
        }

        public IReadOnlyList<string> Lines => _lines;

        public void Trace(string format, params object[] args)
        {
            var line = args == null || args.Length == 0 ? format ?? string.Empty : string.Format(format ?? string.Empty, args);
            _lines.Add(line);
            _next?.Trace("{0}", line);
        }
    }
}
