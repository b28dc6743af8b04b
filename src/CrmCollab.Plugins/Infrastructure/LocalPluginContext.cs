using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.PluginTelemetry;

namespace CrmCollab.Plugins.Infrastructure
{
    /// <summary>
    /// Everything a plugin body needs, resolved once per execution from the service provider, so handlers never
    /// touch IServiceProvider and stay small.
    /// </summary>
    public sealed class LocalPluginContext
    {
        private IOrganizationService _userService;
        private IOrganizationService _systemService;
        private ILogger _logger;
        private IServiceEndpointNotificationService _notifications;

        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null) throw new InvalidPluginExecutionException(Domain.StepFailure.Misconfigured("the services the platform passes").Message);
            ServiceProvider = serviceProvider;
            ExecutionContext = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))
                ?? throw new InvalidPluginExecutionException(Domain.StepFailure.Misconfigured("the execution context the platform passes").Message);
            TracingService = (ITracingService)serviceProvider.GetService(typeof(ITracingService)) ?? NullTracing.Instance;
            ServiceFactory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory));
        }

        public IServiceProvider ServiceProvider { get; }

        public IPluginExecutionContext ExecutionContext { get; }

        public ITracingService TracingService { get; }

        public IOrganizationServiceFactory ServiceFactory { get; }

        /// <summary>Application Insights logger; null where the environment has none configured. Asked of the provider when
        /// first read (no step reads it on most executions).</summary>
        public ILogger Logger => _logger ?? (_logger = (ILogger)ServiceProvider.GetService(typeof(ILogger)));

        /// <summary>Asked of the provider when first read, as <see cref="Logger"/>.</summary>
        public IServiceEndpointNotificationService NotificationService =>
            _notifications ?? (_notifications = (IServiceEndpointNotificationService)ServiceProvider.GetService(typeof(IServiceEndpointNotificationService)));

        /// <summary>Acts as the user the step runs as (the caller, or the step's impersonated user).</summary>
        public IOrganizationService UserService =>
            _userService ?? (_userService = CreateService(ExecutionContext.UserId));

        /// <summary>Acts as SYSTEM: for reads and writes the business rule must do whatever the caller's rights.</summary>
        public IOrganizationService SystemService =>
            _systemService ?? (_systemService = CreateService(null));

        /// <summary>The table-local "now": the operation's creation time, so rules are deterministic.</summary>
        public DateTime Now => ExecutionContext.OperationCreatedOn;

        public void Trace(string format, params object[] args)
        {
            if (string.IsNullOrEmpty(format)) return;
            // Without arguments the text is passed as an argument, so braces in it are never read as placeholders.
            if (args == null || args.Length == 0) TracingService.Trace("{0}", format);
            else TracingService.Trace(format, args);
        }

        /// <summary>The Target of a Create/Update as an Entity; throws a clear message when the message has none.</summary>
        public Entity TargetEntity => InputParameter<Entity>("Target");

        public EntityReference TargetReference => InputParameter<EntityReference>("Target");

        /// <summary>In a Merge: the id of the record merged away into the Target (its SubordinateId), else null.</summary>
        public Guid? MergedAwayId =>
            ExecutionContext.InputParameters.TryGetValue("SubordinateId", out object raw) && raw is Guid id ? id : (Guid?)null;

        public T InputParameter<T>(string name) where T : class
        {
            return ExecutionContext.InputParameters.TryGetValue(name, out object value) ? value as T : null;
        }

        /// <summary>The pre-image of that alias; in the second part of a split save, with what its first part sent laid over it
        /// (<see cref="SplitSave.Overlay"/>), made once per execution.</summary>
        public Entity PreImage(string alias)
        {
            if (!ExecutionContext.PreEntityImages.TryGetValue(alias, out Entity image)) return null;
            if (image == null) return null;
            if (ReferenceEquals(_overlaidAlias, alias) || _overlaidAlias == alias) return _overlaid;
            _overlaidAlias = alias;
            _overlaid = SplitSave.Overlay(ExecutionContext, image);
            return _overlaid;
        }

        private string _overlaidAlias;
        private Entity _overlaid;

        public Entity PostImage(string alias) =>
            ExecutionContext.PostEntityImages.TryGetValue(alias, out Entity image) ? image : null;

        private IOrganizationService CreateService(Guid? userId)
        {
            if (ServiceFactory == null)
                throw new InvalidPluginExecutionException(Domain.StepFailure.Misconfigured("the organization service the platform passes").Message);
            return ServiceFactory.CreateOrganizationService(userId);
        }

        private sealed class NullTracing : ITracingService
        {
            public static readonly NullTracing Instance = new NullTracing();

            public void Trace(string format, params object[] args) { }
        }
    }
}
