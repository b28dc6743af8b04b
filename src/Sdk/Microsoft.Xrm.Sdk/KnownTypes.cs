using System;
using System.Collections.Generic;
using System.Data;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>
    /// The value types the data contract serializer accepts inside the untyped bags, the same lists as the SDK's:
    /// an aliased value may hold the plain values; attribute and parameter collections also hold rows, queries,
    /// batches and every data contract of Microsoft.Crm.Sdk.Proxy (when that assembly can be loaded). Anything else
    /// (an EntityState, a FormattedValueCollection, an OrganizationServiceFault...) fails to serialise, as it does
    /// with the SDK.
    /// </summary>
    internal static class KnownTypes
    {
        private const string ProxyAssembly = "Microsoft.Crm.Sdk.Proxy, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35";

        private static readonly Type[] _aliasedValues =
        {
            typeof(bool), typeof(bool[]), typeof(DataSet), typeof(DateTime), typeof(DateTime[]), typeof(decimal),
            typeof(decimal[]), typeof(double), typeof(double[]), typeof(Guid), typeof(Guid[]), typeof(int), typeof(int[]),
            typeof(string), typeof(string[]), typeof(string[][]),
            typeof(BooleanManagedProperty), typeof(EntityCollection), typeof(EntityCollection[]), typeof(EntityImageCollection[]),
            typeof(EntityReference), typeof(EntityReference[]), typeof(Money), typeof(Money[]), typeof(OptionSetValue),
            typeof(OptionSetValue[]), typeof(UpsertResponse), typeof(UpsertResponse[]),
        };

        private static readonly Lazy<Type[]> _parameters = new Lazy<Type[]>(ParameterTypes);

        public static IEnumerable<Type> AliasedValues => _aliasedValues;

        public static IEnumerable<Type> Parameters => _parameters.Value;

        private static Type[] ParameterTypes()
        {
            var types = new List<Type>(_aliasedValues)
            {
                typeof(AliasedValue), typeof(ConcurrencyBehavior), typeof(Dictionary<string, string>), typeof(Entity), typeof(Entity[]),
                typeof(EntityReferenceCollection), typeof(ExecuteMultipleResponseItemCollection), typeof(ExecuteMultipleSettings),
                typeof(KeyAttributeCollection), typeof(OptionSetValueCollection), typeof(OrganizationRequestCollection),
                typeof(OrganizationResponseCollection), typeof(Relationship), typeof(RelationshipQueryCollection),
                typeof(ColumnSet), typeof(PagingInfo), typeof(QueryBase), typeof(QueryExpression), typeof(QueryExpression[]),
            };
            foreach (Type type in ProxyContracts())
            {
                types.Add(type);
                types.Add(type.MakeArrayType());
                types.Add(type.MakeArrayType().MakeArrayType());
            }
            return types.ToArray();
        }

        // The proxy's own data types (enums, structures, collections), not its requests and responses.
        private static IEnumerable<Type> ProxyContracts()
        {
            Assembly proxy;
            try
            {
                proxy = Assembly.Load(ProxyAssembly);
            }
            catch (Exception e) when (e is FileNotFoundException || e is FileLoadException || e is BadImageFormatException)
            {
                return Enumerable.Empty<Type>();
            }
            return proxy.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition
                && (t.IsDefined(typeof(DataContractAttribute), false) || t.IsDefined(typeof(CollectionDataContractAttribute), false))
                && !typeof(OrganizationRequest).IsAssignableFrom(t) && !typeof(OrganizationResponse).IsAssignableFrom(t));
        }
    }
}
