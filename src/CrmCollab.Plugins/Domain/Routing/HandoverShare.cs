using System;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// One share (<see cref="WorkShare"/>) of a pass of the leaver's handover that holds more than one background run may
    /// take: the run that found it writes each share on the user (server-owned <c>crmc_handovershare</c>) with the pass it
    /// belongs to, and each write starts a run of its own for that share.
    /// </summary>
    public sealed class HandoverShare
    {
        /// <summary>The passes: the leaver's own work at their disable; at an enable, the work disabled users hold that no run
        /// has noted, the work noted as nobody's, the user's own work left with them, the handoffs waiting since their owner left.</summary>
        public const string Leaver = "leaver", NotYetHeld = "not-yet-held", LeftWithDisabledOwners = "left", BackWithItsOwner = "back",
            WaitingSinceOwnerLeft = "waiting";

        private static readonly string[] Passes = { Leaver, NotYetHeld, LeftWithDisabledOwners, BackWithItsOwner, WaitingSinceOwnerLeft };

        /// <summary>Which share, of how many.</summary>
        public WorkShare Share { get; set; }
        public string Pass { get; set; }

        /// <summary>Whether the record falls in this share.</summary>
        public bool Takes(Guid record) => Share.Takes(record);

        /// <summary>The text written on the user: the share (<see cref="WorkShare.Write"/>), then the pass.</summary>
        public string Write() => Share.Write() + "|" + Pass;

        /// <summary>The share a text names, or null when it is not one this version wrote.</summary>
        public static HandoverShare Read(string text)
        {
            string[] parts = text?.Split('|');
            WorkShare share = WorkShare.Read(parts);
            if (share == null || parts.Length != 4 || !Passes.Contains(parts[3])) return null;
            return new HandoverShare { Share = share, Pass = parts[3] };
        }

        /// <summary>What a client that sends a user's handover share is told: only the handover writes it.</summary>
        public const string ServerOwnedSentence =
            "'Handover Share' is written by CrmCollab when it hands a disabled user's open work to others in the background; it cannot be set by hand. Remove it from the change and save again.";
    }
}
