using System;

namespace CrmCollab.Plugins.Domain.Signals
{
    /// <summary>A deal naming a lead as its originating lead, as <see cref="SignalAttribution"/> judges it.</summary>
    public sealed class LeadDeal
    {
        public LeadDeal(string name, Guid? customerAccountId, Guid? parentAccountId)
        {
            Name = name;
            CustomerAccountId = customerAccountId;
            ParentAccountId = parentAccountId;
        }

        public string Name { get; }

        /// <summary>The deal's customer when it is an account.</summary>
        public Guid? CustomerAccountId { get; }

        /// <summary>The deal's Account field.</summary>
        public Guid? ParentAccountId { get; }
    }
}
