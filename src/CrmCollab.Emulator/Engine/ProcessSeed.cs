using System;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>One out-of-box process flow as the organisation seed plants it: its workflow row and its stages in path order.</summary>
    internal sealed class ProcessSeed
    {
        public ProcessSeed(Guid id, string uniqueName, string name, string primaryEntity,
            params (Guid Id, string Name, int Category, string Entity)[] stages)
        {
            Id = id;
            UniqueName = uniqueName;
            Name = name;
            PrimaryEntity = primaryEntity;
            Stages = stages;
        }

        public Guid Id { get; }
        public string UniqueName { get; }
        public string Name { get; }
        public string PrimaryEntity { get; }
        public (Guid Id, string Name, int Category, string Entity)[] Stages { get; }
    }
}
