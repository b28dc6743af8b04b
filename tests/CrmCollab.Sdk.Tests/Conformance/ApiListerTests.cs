using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace CrmCollab.Sdk.Tests.Conformance
{
    /// <summary>
    /// The lister itself, on .NET Framework 4.6.2 reference assemblies whose API is well known. These cover
    /// constructs the surface may not use yet (variance, nested types, events, ref/this/params, protected internal,
    /// sealed override, flags combinations, Obsolete, explicit interface implementations), so a format bug in the
    /// lister cannot hide behind a surface that happens not to exercise it.
    /// </summary>
    public class ApiListerTests
    {
        private static List<string> ListReference(string name) =>
            ApiLister.List(Path.Combine(TestSettings.NetFrameworkReferenceAssemblies, name + ".dll"));

        private static void AssertListed(List<string> listing, params string[] expected)
        {
            var missing = expected.Where(e => !listing.Contains(e)).ToList();
            Assert.True(missing.Count == 0, "Not listed:\n" + string.Join("\n", missing));
        }

        [Fact]
        public void Lists_System_Core_in_the_baseline_format()
        {
            List<string> core = ListReference("System.Core");
            AssertListed(core,
                "System.Linq.Enumerable type public static class : System.Object",
                "System.Linq.ParallelEnumerable::method public static TSource Aggregate<TSource>(this System.Linq.ParallelQuery<TSource> source, System.Func<TSource, TSource, TSource> func)",
                "System.Linq.IGrouping<TKey, TElement> type public interface : System.Collections.Generic.IEnumerable<TElement>, System.Collections.IEnumerable variance <out TKey, out TElement>",
                "System.Linq.Lookup<TKey, TElement>::property public System.Collections.Generic.IEnumerable<TElement> Item[TKey key] { get; }",
                "System.Collections.Generic.HashSet<T>.Enumerator type public struct : System.Collections.Generic.IEnumerator<T>, System.Collections.IEnumerator, System.IDisposable [Serializable]",
                "System.Collections.Generic.HashSet<T>::ctor protected .ctor(System.Runtime.Serialization.SerializationInfo info, System.Runtime.Serialization.StreamingContext context)",
                "System.IO.Pipes.PipeOptions type public enum : System.Int32 [Flags] [Serializable]",
                "System.IO.Pipes.PipeOptions::field public const System.IO.Pipes.PipeOptions WriteThrough = -2147483648",
                "System.Linq.Expressions.ExpressionVisitor::method protected internal virtual System.Linq.Expressions.Expression VisitBinary(System.Linq.Expressions.BinaryExpression node)",
                "System.Security.Cryptography.AesCryptoServiceProvider::property public override System.Int32 KeySize { get; set; }",
                "System.Diagnostics.Eventing.EventProviderTraceListener::method public sealed override System.Void Flush()",
                "System.Diagnostics.Eventing.EventProvider::method public static System.Void SetActivityId(ref System.Guid id)",
                "System.Diagnostics.Eventing.Reader.EventLogWatcher::event public System.EventHandler<System.Diagnostics.Eventing.Reader.EventRecordWrittenEventArgs> EventRecordWritten",
                "System.Func<T1, T2, T3, T4, T5, T6, T7, T8, T9, TResult> type public delegate TResult (T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6, T7 arg7, T8 arg8, T9 arg9) variance <in T1, in T2, in T3, in T4, in T5, in T6, in T7, in T8, in T9, out TResult>");

            // Explicit interface implementations and accessor methods are never listed; the lines stay sorted.
            Assert.DoesNotContain(core, l => l.StartsWith("System.Collections.Generic.HashSet<T>::property", StringComparison.Ordinal) && l.Contains(" IsReadOnly "));
            Assert.DoesNotContain(core, l => l.Contains("::method") && (l.Contains(" get_") || l.Contains(" set_") || l.Contains(" add_")));
            Assert.Equal(core.OrderBy(l => l, StringComparer.Ordinal), core);
        }

        [Fact]
        public void Lists_listed_attributes_of_framework_assemblies()
        {
            AssertListed(ListReference("System.Runtime.Serialization"),
                "System.Runtime.Serialization.DataContractAttribute type public sealed class : System.Attribute [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum, AllowMultiple=false, Inherited=false)]");
            AssertListed(ListReference("System.ServiceModel"),
                "System.ServiceModel.Description.IMetadataExchange type public interface [ServiceContract(ConfigurationName=\"IMetadataExchange\", Name=\"IMetadataExchange\", Namespace=\"http://schemas.microsoft.com/2006/04/mex\")]",
                "System.ServiceModel.Description.IMetadataExchange::method public System.ServiceModel.Channels.Message Get(System.ServiceModel.Channels.Message request) [OperationContract(Action=\"http://schemas.xmlsoap.org/ws/2004/09/transfer/Get\", ReplyAction=\"http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse\")]");
            AssertListed(ListReference("System.Activities"),
                "System.Activities.RequiredArgumentAttribute type public sealed class : System.Attribute [AttributeUsage(AttributeTargets.Property)]",
                "System.Activities.Activity::property protected internal virtual System.Version ImplementationVersion { get; set; }",
                "System.Activities.CodeActivity<TResult> type public abstract class : System.Activities.Activity<TResult>");
        }

        [Theory]
        [InlineData("Microsoft.Xrm.Sdk")]
        [InlineData("Microsoft.Crm.Sdk.Proxy")]
        [InlineData("Microsoft.Xrm.Sdk.Workflow")]
        public void Line_classification_reproduces_the_baseline_header_counts(string assembly)
        {
            string header = File.ReadLines(Path.Combine(TestSettings.BaselineDir, assembly + ".api.txt")).ElementAt(3);
            var (types, members) = ApiLister.Count(TestSettings.BaselineLines(assembly));
            Assert.Equal(header, $"# public types: {types}, public members: {members}");
        }

        [Theory]
        [InlineData("Microsoft.Xrm.Sdk.DataCollection<TKey, TValue>::method public System.Boolean TryGetValue(TKey key, out TValue value)", "Microsoft.Xrm.Sdk.DataCollection<TKey, TValue>::method TryGetValue")]
        [InlineData("Microsoft.Xrm.Sdk.Entity::property public System.Object Item[System.String attributeName] { get; set; }", "Microsoft.Xrm.Sdk.Entity::property Item")]
        [InlineData("Microsoft.Xrm.Sdk.Entity::ctor public .ctor(System.String entityName)", "Microsoft.Xrm.Sdk.Entity::ctor")]
        [InlineData("Microsoft.Xrm.Sdk.AttributeCollection::ctor protected internal .ctor()", "Microsoft.Xrm.Sdk.AttributeCollection::ctor")]
        [InlineData("Microsoft.Xrm.Sdk.ClaimTypes::field public static readonly System.String Organization", "Microsoft.Xrm.Sdk.ClaimTypes::field Organization")]
        [InlineData("X::field public const System.Collections.Generic.Dictionary<System.Int32, System.String> Y = \"a <b\" [DataMember]", "X::field Y")]
        [InlineData("Microsoft.Xrm.Sdk.Entity::method public T ToEntity<T>() where T : Microsoft.Xrm.Sdk.Entity", "Microsoft.Xrm.Sdk.Entity::method ToEntity")]
        [InlineData("Microsoft.Xrm.Sdk.AttributeCollection type-attribute [KnownType(\"GetKnownParameterTypes\")]", "Microsoft.Xrm.Sdk.AttributeCollection type-attribute")]
        [InlineData("Microsoft.Xrm.Sdk.DataCollection<TKey, TValue> type public abstract class : System.Object", "Microsoft.Xrm.Sdk.DataCollection<TKey, TValue> type")]
        public void Comparer_key_is_type_kind_and_member_name(string line, string key) =>
            Assert.Equal(key, BaselineComparer.Key(line));
    }
}
