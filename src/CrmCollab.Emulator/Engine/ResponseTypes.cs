using System;
using System.Collections.Concurrent;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>Turns a generic response into the SDK's typed one (CreateResponse, WhoAmIResponse...) when it exists.</summary>
    internal static class ResponseTypes
    {
        private static readonly ConcurrentDictionary<string, Type> Cache = new ConcurrentDictionary<string, Type>();
        private static readonly System.Reflection.Assembly[] Assemblies =
        {
            typeof(Microsoft.Xrm.Sdk.Messages.CreateResponse).Assembly,
            typeof(Microsoft.Crm.Sdk.Messages.WhoAmIResponse).Assembly,
        };

        public static OrganizationResponse Typed(OrganizationResponse response)
        {
            if (response == null || string.IsNullOrEmpty(response.ResponseName) || response.GetType() != typeof(OrganizationResponse))
                return response;
            var type = Cache.GetOrAdd(response.ResponseName, Find);
            if (type == null) return response;
            var typed = (OrganizationResponse)Activator.CreateInstance(type);
            typed.ResponseName = response.ResponseName;
            typed.Results = response.Results;
            return typed;
        }

        /// <summary>
        /// A response of the typed class for <paramref name="name"/> (or a generic one), made directly; null results keep
        /// the response's own empty collection.
        /// </summary>
        public static OrganizationResponse Create(string name, ParameterCollection results)
        {
            var factory = string.IsNullOrEmpty(name) ? null : Factories.GetOrAdd(name, FactoryOf);
            var response = factory == null ? new OrganizationResponse() : factory();
            response.ResponseName = name;
            if (results != null) response.Results = results;
            return response;
        }

        // The typed response's constructor, compiled once per message name: the messages every operation answers
        // (Create, Retrieve, Update...) are made without reflection.
        private static readonly ConcurrentDictionary<string, Func<OrganizationResponse>> Factories =
            new ConcurrentDictionary<string, Func<OrganizationResponse>>();

        private static Func<OrganizationResponse> FactoryOf(string name)
        {
            var type = Cache.GetOrAdd(name, Find);
            if (type == null) return null;
            if (type.GetConstructor(Type.EmptyTypes) == null) return () => (OrganizationResponse)Activator.CreateInstance(type);
            return System.Linq.Expressions.Expression.Lambda<Func<OrganizationResponse>>(
                System.Linq.Expressions.Expression.New(type)).Compile();
        }

        private static Type Find(string name)
        {
            foreach (var assembly in Assemblies)
            {
                var type = assembly.GetType("Microsoft.Xrm.Sdk.Messages." + name + "Response", false)
                    ?? assembly.GetType("Microsoft.Crm.Sdk.Messages." + name + "Response", false);
                if (type != null && typeof(OrganizationResponse).IsAssignableFrom(type)) return type;
            }
            return null;
        }
    }
}
