using System;
using System.Reflection;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>An interface answered by name (DispatchProxy): only what the step under test reads.</summary>
    public class Stub<T> : DispatchProxy where T : class
    {
        public Func<string, object> Answer { get; set; } = _ => null;

        public static T Create() => DispatchProxy.Create<T, Stub<T>>();

        public static Stub<T> Of(T proxy) => (Stub<T>)(object)proxy;

        protected override object Invoke(MethodInfo targetMethod, object[] args)
        {
            object value = Answer(targetMethod.Name);
            if (value == null && targetMethod.ReturnType.IsValueType && targetMethod.ReturnType != typeof(void))
                return Activator.CreateInstance(targetMethod.ReturnType);
            return value;
        }
    }
}
