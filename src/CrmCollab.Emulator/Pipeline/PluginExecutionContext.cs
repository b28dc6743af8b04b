using System;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>The context one step execution sees (IPluginExecutionContext up to 7).</summary>
    internal sealed class PluginExecutionContext : IPluginExecutionContext7
    {
        private readonly Operation _operation;

        public PluginExecutionContext(Operation operation, StepDefinition step, int stage, int mode, Guid userId,
            Guid businessUnitId, Guid organizationId, string organizationName, int isolationMode)
        {
            _operation = operation;
            Step = step;
            Stage = stage;
            Mode = mode;
            UserId = userId;
            BusinessUnitId = businessUnitId;
            OrganizationId = organizationId;
            OrganizationName = organizationName;
            IsolationMode = isolationMode;
        }

        private EntityReference _owningExtension;
        private EntityImageCollection _preImages, _postImages;
        private EntityImageCollection[] _preCollection, _postCollection;

        /// <summary>Image records of a step without images: its empty collections are made on first read.</summary>
        internal int ImageSlots { get; set; }

        internal static EntityImageCollection[] EmptyImages(int count)
        {
            if (count == 0) return Array.Empty<EntityImageCollection>();
            var images = new EntityImageCollection[count];
            for (int i = 0; i < count; i++) images[i] = new EntityImageCollection();
            return images;
        }

        internal Operation Operation => _operation;
        internal StepDefinition Step { get; }

        /// <summary>The transaction a service call made from this context joins (null: its own).</summary>
        internal Transaction Transaction => IsInTransaction ? _operation.Transaction : null;

        public int Mode { get; }
        public int IsolationMode { get; }
        public int Depth => _operation.Depth;
        public string MessageName => _operation.MessageName;
        public string PrimaryEntityName => _operation.PrimaryEntityName;
        public Guid? RequestId => _operation.RequestId;
        public string SecondaryEntityName => "none";
        public ParameterCollection InputParameters => _operation.InputParameters;
        public ParameterCollection OutputParameters => _operation.OutputParameters;
        public ParameterCollection SharedVariables => _operation.SharedVariables;
        public Guid UserId { get; }
        public Guid InitiatingUserId => _operation.InitiatingUserId;
        public Guid BusinessUnitId { get; }
        public Guid OrganizationId { get; }
        public string OrganizationName { get; }
        public Guid PrimaryEntityId => _operation.PrimaryEntityId;
        // As built eagerly: PreEntityImages is the first of PreEntityImagesCollection when there is one.
        public EntityImageCollection PreEntityImages
        {
            get => _preImages ??= ImageSlots > 0 ? PreEntityImagesCollection[0] : new EntityImageCollection();
            internal set => _preImages = value;
        }
        public EntityImageCollection PostEntityImages
        {
            get => _postImages ??= ImageSlots > 0 ? PostEntityImagesCollection[0] : new EntityImageCollection();
            internal set => _postImages = value;
        }
        public EntityImageCollection[] PreEntityImagesCollection
        {
            get => _preCollection ??= EmptyImages(ImageSlots);
            internal set => _preCollection = value;
        }
        public EntityImageCollection[] PostEntityImagesCollection
        {
            get => _postCollection ??= EmptyImages(ImageSlots);
            internal set => _postCollection = value;
        }
        public EntityReference OwningExtension =>
            Step == null ? null : (_owningExtension ??= new EntityReference("sdkmessageprocessingstep", Step.Id) { Name = Step.Name });
        public Guid CorrelationId => _operation.CorrelationId;
        public bool IsExecutingOffline => false;
        public bool IsOfflinePlayback => false;
        public bool IsInTransaction { get; internal set; }
        public Guid OperationId => _operation.OperationId;
        public DateTime OperationCreatedOn => _operation.CreatedOn;
        public int Stage { get; }
        public IPluginExecutionContext ParentContext => _operation.ParentContext;
        public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;
        public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;
        public Guid InitiatingUserApplicationId => Guid.Empty;
        public Guid PortalsContactId => Guid.Empty;
        public bool IsPortalsClientCall => false;
        public Guid AuthenticatedUserId => _operation.InitiatingUserId;
        public string InitiatingUserAgent => "CrmCollab.Emulator";
        public string EnvironmentId => OrganizationId.ToString();
        public Guid TenantId => Guid.Empty;
        public bool IsApplicationUser => false;
    }
}
