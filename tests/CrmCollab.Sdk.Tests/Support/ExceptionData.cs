using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.Serialization;

namespace CrmCollab.Sdk.Tests.Support
{
    /// <summary>
    /// What a [Serializable] exception writes with GetObjectData, and the exception its serialisation constructor
    /// rebuilds from it: the server moves plugin and workflow exceptions across boundaries this way.
    /// </summary>
    internal static class ExceptionData
    {
#pragma warning disable SYSLIB0050, SYSLIB0051 // legacy serialisation is what the SDK's exceptions implement
        public static SerializationInfo Write(Exception exception)
        {
            var info = new SerializationInfo(exception.GetType(), new FormatterConverter());
            exception.GetObjectData(info, new StreamingContext(StreamingContextStates.All));
            return info;
        }

        public static T Rebuild<T>(SerializationInfo info)
            where T : Exception
        {
            ConstructorInfo constructor = typeof(T).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, null,
                new[] { typeof(SerializationInfo), typeof(StreamingContext) }, null);
            return (T)constructor.Invoke(new object[] { info, new StreamingContext(StreamingContextStates.All) });
        }
#pragma warning restore SYSLIB0050, SYSLIB0051

        public static Dictionary<string, object> Entries(SerializationInfo info)
        {
            var entries = new Dictionary<string, object>();
            SerializationInfoEnumerator e = info.GetEnumerator();
            while (e.MoveNext()) entries[e.Name] = e.Value;
            return entries;
        }
    }
}
