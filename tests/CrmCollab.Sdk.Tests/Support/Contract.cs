using System;
using System.IO;
using System.Runtime.Serialization;
using System.Text;

namespace CrmCollab.Sdk.Tests.Support
{
    /// <summary>
    /// Data contract (WCF) serialisation as the organization service does it, declared as type T; the extra known
    /// types stand for those a service proxy registers (e.g. the request classes of Microsoft.Crm.Sdk.Proxy).
    /// </summary>
    internal static class Contract
    {
        public static string Write<T>(T value, params Type[] knownTypes)
        {
            var serializer = new DataContractSerializer(typeof(T), knownTypes);
            using var stream = new MemoryStream();
            serializer.WriteObject(stream, value);
            return Encoding.UTF8.GetString(stream.ToArray());
        }

        public static T Read<T>(string xml, params Type[] knownTypes)
        {
            var serializer = new DataContractSerializer(typeof(T), knownTypes);
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
            return (T)serializer.ReadObject(stream);
        }

        public static T RoundTrip<T>(T value, params Type[] knownTypes) => Read<T>(Write(value, knownTypes), knownTypes);

        public static T RoundTrip<T>(T value, out string xml)
        {
            xml = Write(value);
            return Read<T>(xml);
        }
    }
}
