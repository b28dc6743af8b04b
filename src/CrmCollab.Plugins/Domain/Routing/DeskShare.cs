using System;

namespace CrmCollab.Plugins.Domain.Routing
{
    /// <summary>
    /// One share (<see cref="WorkShare"/>) of the work a desk change routes again (<see cref="DeskChange"/>) when it is more
    /// than one background run may take (<see cref="DeskChange.MaxRecordsPerRun"/>): the change's run writes each share on an
    /// account (server-owned <c>crmc_reroutingbatch</c>), whose save starts a run that routes the records of its share. The
    /// share carries what a later run cannot read again: the desk the setting named before the change (none: it named none),
    /// and whether the setting changed or the desk was set up (the reason written on each record).
    /// </summary>
    public sealed class DeskShare
    {
        private const string Marker = "desk";

        /// <summary>Which share, of how many.</summary>
        public WorkShare Share { get; set; }

        /// <summary>The queue or team the setting named before the change; null when it named none.</summary>
        public Guid? FormerDesk { get; set; }

        /// <summary>True when the setting changed desk; false when the desk it names was set up or given to another owner.</summary>
        public bool SettingChanged { get; set; }

        /// <summary>Whether the record falls in this share.</summary>
        public bool Takes(Guid record) => Share.Takes(record);

        /// <summary>The text written on the account: the share (<see cref="WorkShare.Write"/>), "desk", the former desk ("-": none), 1 or 0.</summary>
        public string Write() =>
            string.Join("|", Share.Write(), Marker, FormerDesk?.ToString("D") ?? "-", SettingChanged ? "1" : "0");

        /// <summary>The share a text names, or null when it is not a desk share this version wrote.</summary>
        public static DeskShare Read(string text)
        {
            string[] parts = text?.Split('|');
            WorkShare share = WorkShare.Read(parts);
            if (share == null || parts.Length != 6 || parts[3] != Marker || (parts[5] != "0" && parts[5] != "1")) return null;
            Guid desk = Guid.Empty;
            if (parts[4] != "-" && !Guid.TryParseExact(parts[4], "D", out desk)) return null;
            return new DeskShare { Share = share, FormerDesk = parts[4] == "-" ? (Guid?)null : desk, SettingChanged = parts[5] == "1" };
        }
    }
}
