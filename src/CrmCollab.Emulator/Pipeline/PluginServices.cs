using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.PluginTelemetry;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>The IServiceProvider handed to IPlugin.Execute.</summary>
    internal sealed class PluginServiceProvider : IServiceProvider
    {
        private readonly DataverseEngine _engine;
        private readonly PluginExecutionContext _context;
        private readonly TracingService _tracing;
        // Made on first request (then the same instance each time): most plugins ask for two services at most.
        private ServiceFactory _factory;
        private TelemetryLogger _logger;
        private NotificationService _notifications;

        public PluginServiceProvider(DataverseEngine engine, PluginExecutionContext context, TracingService tracing)
        {
            _engine = engine;
            _context = context;
            _tracing = tracing;
        }

        public object GetService(Type serviceType)
        {
            if (serviceType == null) return null;
            if (serviceType.IsInstanceOfType(_context)) return _context; // IExecutionContext, IPluginExecutionContext..7
            if (serviceType == typeof(ITracingService)) return _tracing;
            if (serviceType == typeof(IOrganizationServiceFactory)) return _factory ??= new ServiceFactory(_engine, _context);
            if (serviceType == typeof(ILogger)) return _logger ??= new TelemetryLogger(_engine, _context.Step?.Name);
            if (serviceType == typeof(IServiceEndpointNotificationService)) return _notifications ??= new NotificationService(_engine);
            return null;
        }
    }

    /// <summary>
    /// Per-execution trace log, captured into the engine's Traces. Lines are formatted straight into one builder (no
    /// string per line), and the builder is handed back after the execution for the next one to reuse: most executions
    /// are not recorded (the trace log keeps failures only by default), so their text is never turned into a string.
    /// </summary>
    internal sealed class TracingService : ITracingService
    {
        // Builders kept between executions, by thread: executions nest (a plug-in's call runs the steps of its message), and
        // each level takes one from here and hands it back when it ends, so nested ones reuse builders too.
        [ThreadStatic] private static StringBuilder[] _spares;
        [ThreadStatic] private static int _spareCount;
        private StringBuilder _text; // taken by the first Trace: most executions write none

        public string Text => _text == null ? string.Empty : _text.ToString();

        public void Trace(string format, params object[] args)
        {
            if (format == null) return;
            if (_text == null) _text = TakeSpare();
            int start = _text.Length;
            if (start > 0) _text.AppendLine();
            try
            {
                if (args == null || args.Length == 0) _text.Append(format);
                else _text.AppendFormat(CultureInfo.InvariantCulture, format, args);
            }
            catch
            {
                _text.Length = start; // a bad format string fails the call, as string.Format would, and leaves no half line
                throw;
            }
        }

        /// <summary>Ends the execution's log: its builder goes back for reuse (very long ones are let go).</summary>
        public void Release()
        {
            var text = _text;
            _text = null;
            if (text == null || text.Capacity > 16 * 1024) return;
            text.Clear();
            var spares = _spares ??= new StringBuilder[4];
            if (_spareCount < spares.Length) spares[_spareCount++] = text;
        }

        private static StringBuilder TakeSpare()
        {
            if (_spareCount == 0) return new StringBuilder(256); // the entry line and a refusal fit its first chunk
            var spare = _spares[--_spareCount];
            _spares[_spareCount] = null;
            return spare;
        }
    }

    /// <summary>
    /// IOrganizationServiceFactory as documented for plug-ins: null = SYSTEM, Guid.Empty = context.UserId, any
    /// other id = that user (subject to security).
    /// </summary>
    internal sealed class ServiceFactory : IOrganizationServiceFactory
    {
        private readonly DataverseEngine _engine;
        private readonly PluginExecutionContext _context;

        public ServiceFactory(DataverseEngine engine, PluginExecutionContext context)
        {
            _engine = engine;
            _context = context;
        }

        public IOrganizationService CreateOrganizationService(Guid? userId)
        {
            Guid user = userId == null ? WellKnownIds.SystemUserId : userId == Guid.Empty ? _context.UserId : userId.Value;
            _engine.Security?.DemandActiveUser(user);
            return new OrganizationService(_engine, user, _context);
        }
    }

    internal sealed class NotificationService : IServiceEndpointNotificationService
    {
        private readonly DataverseEngine _engine;

        public NotificationService(DataverseEngine engine) => _engine = engine;

        public string Execute(EntityReference serviceEndpoint, IExecutionContext context)
        {
            _engine.RecordPost(new EndpointPost
            {
                ServiceEndpoint = serviceEndpoint, MessageName = context?.MessageName,
                PrimaryEntityName = context?.PrimaryEntityName, PrimaryEntityId = context?.PrimaryEntityId ?? Guid.Empty,
            });
            return string.Empty;
        }
    }

    /// <summary>PluginTelemetry.ILogger writing into the engine's Telemetry list.</summary>
    internal sealed class TelemetryLogger : ILogger
    {
        private readonly DataverseEngine _engine;
        private readonly string _step;

        public TelemetryLogger(DataverseEngine engine, string step)
        {
            _engine = engine;
            _step = step;
        }

        private void Write(LogLevel level, Exception exception, string message, object[] args)
        {
            string text = args == null || args.Length == 0 ? message : string.Format(CultureInfo.InvariantCulture, message ?? "", args);
            if (exception != null) text += " | " + exception.GetType().Name + ": " + exception.Message;
            _engine.RecordTelemetry(new TelemetryRecord { StepName = _step, Level = level.ToString(), Text = text });
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter) =>
            Write(logLevel, null, formatter != null ? formatter(state, exception) : state?.ToString(), null);
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;
        public IDisposable BeginScope<TState>(TState state) => new Noop();
        public IDisposable BeginScope(string messageFormat, params object[] args) => new Noop();
        public void LogDebug(EventId eventId, Exception exception, string message, params object[] args) => Write(LogLevel.Debug, exception, message, args);
        public void LogDebug(EventId eventId, string message, params object[] args) => Write(LogLevel.Debug, null, message, args);
        public void LogDebug(Exception exception, string message, params object[] args) => Write(LogLevel.Debug, exception, message, args);
        public void LogDebug(string message, params object[] args) => Write(LogLevel.Debug, null, message, args);
        public void LogTrace(EventId eventId, Exception exception, string message, params object[] args) => Write(LogLevel.Trace, exception, message, args);
        public void LogTrace(EventId eventId, string message, params object[] args) => Write(LogLevel.Trace, null, message, args);
        public void LogTrace(Exception exception, string message, params object[] args) => Write(LogLevel.Trace, exception, message, args);
        public void LogTrace(string message, params object[] args) => Write(LogLevel.Trace, null, message, args);
        public void LogInformation(EventId eventId, Exception exception, string message, params object[] args) => Write(LogLevel.Information, exception, message, args);
        public void LogInformation(EventId eventId, string message, params object[] args) => Write(LogLevel.Information, null, message, args);
        public void LogInformation(Exception exception, string message, params object[] args) => Write(LogLevel.Information, exception, message, args);
        public void LogInformation(string message, params object[] args) => Write(LogLevel.Information, null, message, args);
        public void LogWarning(EventId eventId, Exception exception, string message, params object[] args) => Write(LogLevel.Warning, exception, message, args);
        public void LogWarning(EventId eventId, string message, params object[] args) => Write(LogLevel.Warning, null, message, args);
        public void LogWarning(Exception exception, string message, params object[] args) => Write(LogLevel.Warning, exception, message, args);
        public void LogWarning(string message, params object[] args) => Write(LogLevel.Warning, null, message, args);
        public void LogError(EventId eventId, Exception exception, string message, params object[] args) => Write(LogLevel.Error, exception, message, args);
        public void LogError(EventId eventId, string message, params object[] args) => Write(LogLevel.Error, null, message, args);
        public void LogError(Exception exception, string message, params object[] args) => Write(LogLevel.Error, exception, message, args);
        public void LogError(string message, params object[] args) => Write(LogLevel.Error, null, message, args);
        public void LogCritical(EventId eventId, Exception exception, string message, params object[] args) => Write(LogLevel.Critical, exception, message, args);
        public void LogCritical(EventId eventId, string message, params object[] args) => Write(LogLevel.Critical, null, message, args);
        public void LogCritical(Exception exception, string message, params object[] args) => Write(LogLevel.Critical, exception, message, args);
        public void LogCritical(string message, params object[] args) => Write(LogLevel.Critical, null, message, args);
        public void Log(LogLevel logLevel, EventId eventId, Exception exception, string message, params object[] args) => Write(logLevel, exception, message, args);
        public void Log(LogLevel logLevel, EventId eventId, string message, params object[] args) => Write(logLevel, null, message, args);
        public void Log(LogLevel logLevel, Exception exception, string message, params object[] args) => Write(logLevel, exception, message, args);
        public void Log(LogLevel logLevel, string message, params object[] args) => Write(logLevel, null, message, args);
        public void LogMetric(string metricName, long value) => Write(LogLevel.Information, null, $"metric {metricName}={value}", null);
        public void LogMetric(string metricName, IDictionary<string, string> metricDimensions, long value) => LogMetric(metricName, value);
        public void AddCustomProperty(string propertyName, string propertyValue) { }
        public void Execute(string activityName, Action action, IEnumerable<KeyValuePair<string, string>> additionalCustomProperties = null) => action?.Invoke();
        public Task ExecuteAsync(string activityName, Func<Task> action, IEnumerable<KeyValuePair<string, string>> additionalCustomProperties = null) =>
            action != null ? action() : Task.CompletedTask;

        private sealed class Noop : IDisposable { public void Dispose() { } }
    }
}
