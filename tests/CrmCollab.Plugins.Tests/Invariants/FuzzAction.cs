using System;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>One thing a person tries, named for the failure log.</summary>
    public sealed class FuzzAction
    {
        public FuzzAction(string name, Action run)
        {
            Name = name;
            Run = run;
        }

        public string Name { get; }
        public Action Run { get; }
    }
}
