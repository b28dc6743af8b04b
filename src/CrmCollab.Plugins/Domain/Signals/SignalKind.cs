namespace CrmCollab.Plugins.Domain.Signals
{
    /// <summary>crmc_kind of a field signal.</summary>
    public enum SignalKind
    {
        Lead = 100000000,
        CompetitorPresence = 100000001,
        ChurnRisk = 100000002,
        Expansion = 100000003,
        Complaint = 100000004,
    }
}
