using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>
    /// One plugin instance per step, created on first use and reused, as the server caches them: state kept in
    /// fields leaks between executions there too.
    /// </summary>
    internal sealed class PluginFactory
    {
        private readonly IReadOnlyList<Assembly> _assemblies;
        private readonly IReadOnlyDictionary<Guid, string> _secure;
        private readonly Dictionary<StepDefinition, IPlugin> _instances = new Dictionary<StepDefinition, IPlugin>();

        public PluginFactory(IReadOnlyList<Assembly> assemblies, IReadOnlyDictionary<Guid, string> secureConfigurations)
        {
            _assemblies = assemblies;
            _secure = secureConfigurations;
        }

        public IPlugin Get(StepDefinition step)
        {
            if (_instances.TryGetValue(step, out var plugin)) return plugin;
            var type = Resolve(step.PluginTypeName)
                ?? throw Faults.Create(ErrorCodes.IsvUnExpected,
                    $"Unable to load plug-in type '{step.PluginTypeName}' of step '{step.Name}': it is not in EngineOptions.PluginAssemblies.");
            if (!typeof(IPlugin).IsAssignableFrom(type))
                throw Faults.Create(ErrorCodes.IsvUnExpected, $"Type '{type.FullName}' of step '{step.Name}' does not implement IPlugin.");
            string secure = _secure.TryGetValue(step.Id, out var s) ? s : step.SecureConfiguration;
            var withConfig = type.GetConstructor(new[] { typeof(string), typeof(string) });
            plugin = withConfig != null
                ? (IPlugin)withConfig.Invoke(new object[] { step.UnsecureConfiguration, secure })
                : (IPlugin)Activator.CreateInstance(type);
            _instances[step] = plugin;
            return plugin;
        }

        private Type Resolve(string typeName)
        {
            if (string.IsNullOrEmpty(typeName)) return null;
            foreach (var assembly in _assemblies)
            {
                var type = assembly.GetType(typeName, throwOnError: false)
                    ?? assembly.GetTypes().FirstOrDefault(t => t.FullName == typeName || t.FullName?.Replace('+', '.') == typeName);
                if (type != null) return type;
            }
            return null;
        }
    }
}
