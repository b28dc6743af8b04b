using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Infrastructure
{
    /// <summary>Pipeline stages a step can be registered on (sdkmessageprocessingstep.stage).</summary>
    public enum PipelineStage
    {
        PreValidation = 10,
        PreOperation = 20,
        /// <summary>The main operation: a custom API's own plug-in (customapi.plugintypeid), never a step.</summary>
        MainOperation = 30,
        PostOperation = 40,
    }

    /// <summary>An image a step asks the platform for (sdkmessageprocessingstepimage).</summary>
    public sealed class StepImage
    {
        public StepImage(string alias, bool isPost, string[] columns)
        {
            Alias = alias;
            IsPost = isPost;
            Columns = columns ?? new string[0];
        }

        public string Alias { get; }
        /// <summary>False: pre-image (ImageType 0); true: post-image (ImageType 1).</summary>
        public bool IsPost { get; }
        public IReadOnlyList<string> Columns { get; }
    }

    /// <summary>
    /// One message × table × stage the plugin handles, declared next to the code that handles it with everything the
    /// registration must carry (mode, filtering attributes, images), so solution/ and the code can be checked
    /// against each other by a test.
    /// </summary>
    public sealed class RegisteredEvent
    {
        private readonly List<StepImage> _images = new List<StepImage>();

        public RegisteredEvent(PipelineStage stage, string messageName, string entityName, Action<LocalPluginContext> handler)
        {
            if (string.IsNullOrEmpty(messageName)) throw new ArgumentNullException(nameof(messageName));
            Stage = stage;
            MessageName = messageName;
            EntityName = entityName;
            Handler = handler ?? throw new ArgumentNullException(nameof(handler));
        }

        public PipelineStage Stage { get; }

        public string MessageName { get; }

        /// <summary>
        /// Null: any table the step is registered on (a guard shared by every business process flow table, or a message
        /// such as Win that names none).
        /// </summary>
        public string EntityName { get; }

        public Action<LocalPluginContext> Handler { get; }

        public bool IsAsynchronous { get; private set; }

        /// <summary>The columns whose change runs an Update step (empty: not an Update step).</summary>
        public IReadOnlyList<string> FilteringAttributes { get; private set; } = new string[0];

        public IReadOnlyList<StepImage> Images => _images;

        /// <summary>The registration names no sdkmessage id (Win): there is no step file for it, only the code path.</summary>
        public bool WithoutStep { get; private set; }

        public RegisteredEvent Async()
        {
            IsAsynchronous = true;
            return this;
        }

        public RegisteredEvent Filter(params string[] columns)
        {
            FilteringAttributes = columns;
            return this;
        }

        public RegisteredEvent PreImage(string alias, params string[] columns)
        {
            _images.Add(new StepImage(alias, false, columns));
            return this;
        }

        public RegisteredEvent PostImage(string alias, params string[] columns)
        {
            _images.Add(new StepImage(alias, true, columns));
            return this;
        }

        public RegisteredEvent NoStep()
        {
            WithoutStep = true;
            return this;
        }

        /// <summary>The main operation of a custom API: solution/customapis/&lt;name&gt;/customapi.xml names the plug-in type, no step.</summary>
        public bool IsCustomApi { get; private set; }

        internal RegisteredEvent AsCustomApi()
        {
            IsCustomApi = true;
            WithoutStep = true;
            return this;
        }

        public bool Matches(int stage, string messageName, string entityName) =>
            (int)Stage == stage
            && string.Equals(MessageName, messageName, StringComparison.OrdinalIgnoreCase)
            && (EntityName == null || string.Equals(EntityName, entityName, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => $"{MessageName} of {EntityName ?? "any table"} at stage {(int)Stage}";
    }
}
