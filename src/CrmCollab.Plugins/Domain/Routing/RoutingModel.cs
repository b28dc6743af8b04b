using System;
using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>The functions that review deals and receive handoffs (global choice crmc_function).</summary>
    public enum BusinessFunction
    {
        Operations = 100000000,
        Logistics = 100000001,
        Finance = 100000002,
        Adv = 100000003,
        Sav = 100000004,
        Engineering = 100000005,
    }

    public enum PrincipalKind { User, Team, Queue }

    /// <summary>Who receives the work: a user, a team or a queue.</summary>
    public sealed class Principal
    {
        /// <param name="holder">For a queue: the user or team that owns it, and so owns the records waiting in it (null: not read).</param>
        /// <param name="isDisabled">For a user: disabled, so the platform gives them no record.</param>
        /// <param name="hasNoRole">For a user or team: it holds no security role (a user's through a team counts), so it
        /// lacks Read on the tables and the platform gives it no record — a user moved to another business unit loses every
        /// role until given the new unit's.</param>
        public Principal(PrincipalKind kind, Guid id, string name = null, Principal holder = null, bool isDisabled = false, bool hasNoRole = false)
        {
            if (id == Guid.Empty) throw new ArgumentException("A principal needs an id.", nameof(id));
            Kind = kind;
            Id = id;
            Name = name;
            Holder = kind == PrincipalKind.Queue ? holder : null;
            IsDisabled = kind == PrincipalKind.User && isDisabled;
            HasNoRole = kind != PrincipalKind.Queue && hasNoRole;
        }

        public PrincipalKind Kind { get; }
        public Guid Id { get; }
        public string Name { get; }
        public Principal Holder { get; }
        public bool IsDisabled { get; }
        public bool HasNoRole { get; }

        /// <summary>
        /// A disabled user, or a queue a disabled user owns: work routed past it waits for their return (<see cref="RoutingHold"/>).
        /// One with no role is passed over too (<see cref="Unavailable"/>), but no step marks a role given back.
        /// </summary>
        public bool IsLeaver => IsDisabled || (Holder != null && Holder.IsDisabled);

        /// <summary>
        /// Why no record can be given to this principal, or null when one can: a disabled user, or a queue whose owner is
        /// a disabled user (a queue cannot own, so its owner holds what waits in it).
        /// </summary>
        /// <summary>Whether a record owned by <paramref name="ownerId"/> is held by this principal: itself, or, for a queue, its owner.</summary>
        public bool Holds(Guid ownerId) => ownerId == Id || (Holder != null && ownerId == Holder.Id);

        public string Unavailable =>
            IsDisabled ? $"{this} is disabled"
            : Holder != null && Holder.IsDisabled ? $"the owner of {this} ({Holder}) is disabled"
            : HasNoRole ? $"{this} {NoRoleSentence}"
            : Holder != null && Holder.HasNoRole ? $"the owner of {this} ({Holder}) {NoRoleSentence}"
            : null;

        private const string NoRoleSentence =
            "holds no security role, so it cannot own the work (a user moved to another business unit has none until given the new unit's)";

        public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name ?? Id.ToString()}";
    }

    /// <summary>The account facts routing looks at.</summary>
    public sealed class AccountProfile
    {
        public Guid Id { get; set; }
        public string Name { get; set; }
        public Guid? ParentId { get; set; }
        public int? IndustryCode { get; set; }
        public Guid? TerritoryId { get; set; }
        public int? CustomerSizeCode { get; set; }
    }

    /// <summary>A crmc_dedicatedowner row: the account's own contact for one function over a period.</summary>
    public sealed class DedicatedOwner
    {
        public Guid Id { get; set; }
        public Guid AccountId { get; set; }
        public BusinessFunction Function { get; set; }
        /// <summary>A user or a team (exactly one, checked at save by <see cref="DedicatedOwnerRules"/>).</summary>
        public Principal Owner { get; set; }
        /// <summary>False when the owner is a disabled user.</summary>
        public bool OwnerIsActive { get; set; } = true;
        public Principal Backup { get; set; }
        public bool BackupIsActive { get; set; } = true;
        public DateTime ValidFrom { get; set; }
        public DateTime? ValidTo { get; set; }

        /// <summary>Validity is by calendar day, both ends included.</summary>
        public bool IsValidOn(DateTime date) =>
            ValidFrom.Date <= date.Date && (ValidTo == null || date.Date <= ValidTo.Value.Date);
    }

    /// <summary>A crmc_routingrule row: a segment fallback, or the function's default when it has no criteria.</summary>
    public sealed class RoutingRule
    {
        public Guid Id { get; set; }
        public string Name { get; set; }
        public BusinessFunction Function { get; set; }
        public int? IndustryCode { get; set; }
        public Guid? TerritoryId { get; set; }
        public int? CustomerSizeCode { get; set; }
        public Principal Target { get; set; }
        /// <summary>Tie-break between equally specific rules: the lower number wins (1 before 10).</summary>
        public int Priority { get; set; }

        public int CriteriaCount =>
            (IndustryCode.HasValue ? 1 : 0) + (TerritoryId.HasValue ? 1 : 0) + (CustomerSizeCode.HasValue ? 1 : 0);

        public bool IsDefault => CriteriaCount == 0;

        /// <summary>Every criterion the rule sets must hold; unset ones are ignored.</summary>
        public bool Matches(AccountProfile account) =>
            (!IndustryCode.HasValue || IndustryCode == account.IndustryCode)
            && (!TerritoryId.HasValue || TerritoryId == account.TerritoryId)
            && (!CustomerSizeCode.HasValue || CustomerSizeCode == account.CustomerSizeCode);
    }

    /// <summary>The outcome: who gets the work, how they were chosen, and whether nobody was found.</summary>
    public sealed class OwnerResolution
    {
        public OwnerResolution(BusinessFunction function, Principal owner, string routingPath, bool isUnrouted)
            : this(function, owner, routingPath, isUnrouted, false)
        {
        }

        public OwnerResolution(BusinessFunction function, Principal owner, string routingPath, bool isUnrouted, bool passedOverDisabled)
        {
            Function = function;
            Owner = owner;
            RoutingPath = routingPath;
            IsUnrouted = isUnrouted;
            PassedOverDisabled = passedOverDisabled;
        }

        public BusinessFunction Function { get; }
        public Principal Owner { get; }
        /// <summary>Written to crmc_routingpath so anyone can see why this owner got the task.</summary>
        public string RoutingPath { get; }
        public bool IsUnrouted { get; }

        /// <summary>
        /// Someone the routing would have named was passed over because they are disabled (a dedicated owner or backup, a
        /// rule's user, a queue's owner): work it leaves unrouted is routed again when a user is enabled (<see cref="RoutingHold.MovedBecauseOwnerDisabled"/>).
        /// </summary>
        public bool PassedOverDisabled { get; }
    }

    public static class BusinessFunctions
    {
        private static readonly Dictionary<BusinessFunction, string> Labels = new Dictionary<BusinessFunction, string>
        {
            [BusinessFunction.Operations] = "Operations",
            [BusinessFunction.Logistics] = "Logistics",
            [BusinessFunction.Finance] = "Finance",
            [BusinessFunction.Adv] = "ADV",
            [BusinessFunction.Sav] = "SAV",
            [BusinessFunction.Engineering] = "Engineering",
        };

        public static string Label(this BusinessFunction function) =>
            Labels.TryGetValue(function, out string label) ? label : ((int)function).ToString();

        public static bool IsDefined(int value) => Labels.ContainsKey((BusinessFunction)value);
    }
}
