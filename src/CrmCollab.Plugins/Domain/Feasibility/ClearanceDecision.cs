using System.Collections.Generic;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// The gate's decision on one attempt (<see cref="FeasibilityClearance.Decide"/>): the refusal the attempt meets, or
    /// none, and the same as data — each required function whose review holds it, with a stable reason code.
    /// </summary>
    public sealed class ClearanceDecision
    {
        public static readonly ClearanceDecision Cleared = new ClearanceDecision(null, new ClearanceBlock[0]);

        public ClearanceDecision(Refusal refusal, IReadOnlyList<ClearanceBlock> blocks)
        {
            Refusal = refusal;
            Blocks = blocks ?? new ClearanceBlock[0];
        }

        /// <summary>Null when the attempt may go on.</summary>
        public Refusal Refusal { get; }

        /// <summary>In function order; empty when the attempt may go on.</summary>
        public IReadOnlyList<ClearanceBlock> Blocks { get; }

        public bool IsCleared => Refusal == null;

        /// <summary>The same reviews holding the attempt with another refusal: another text of the same code (<see cref="WinPrice.Explain"/>), or a check met before or after the gate.</summary>
        public ClearanceDecision WithRefusal(Refusal refusal) => new ClearanceDecision(refusal, Blocks);
    }
}
