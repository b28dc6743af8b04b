using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// Once a deal is won its agreed terms are the contract: any client's change is refused, also while an
    /// administrator has reopened it, and only an approved amendment (see <see cref="AmendmentPath"/>) writes through.
    /// </summary>
    public static class LockedTermsCheck
    {
        /// <summary>Won now, or won before and reopened (crmc_wonon stays).</summary>
        public static bool WasWon(Entity before) =>
            before != null && (before.Choice(Opportunity.StateCode) == Opportunity.StateWon || before.Contains(Opportunity.WonOn));

        public static Refusal Check(LocalPluginContext context, Entity before, Entity target)
        {
            if (!WasWon(before)) return null;
            // A delivery date sent again at another time of day is the date stored (Date Only): no change of the terms.
            // The Win's (or Lose's) own write of the deal it closes records what it closes with (LockedTerms.WrittenByClose).
            var closeWrites = LockedTerms.WrittenByClose(before.Choice(Opportunity.StateCode), target.Choice(Opportunity.StateCode));
            var changed = Changes.Of(target, before, target.Attributes.Keys.Where(c => c != Opportunity.Id && !closeWrites.Contains(c)),
                Opportunity.DateOnlyColumns);
            if (changed.Count == 0) return null;
            if (AmendmentPath.IsApplying(context, target.Id))
            {
                context.Trace("Applying an approved amendment: the locked terms may change.");
                return null;
            }
            // The defaults are always locked, so the variable is read only when nothing else settles it.
            var violations = LockedTerms.Violations(LockedTerms.DefaultColumns, changed);
            if (violations.Count == 0)
                violations = LockedTerms.Violations(LockedTerms.Columns(EnvironmentVariables.Read(context.SystemService, EnvironmentVariable.LockedTermsColumns)), changed);
            return violations.Count == 0 ? null : new Refusal(RefusalCodes.TermsLocked,
                LockedTerms.RefusalMessage(ColumnLabels.OfOpportunity(violations), ColumnLabels.OfOpportunity(violations.Where(c => !LockedTerms.Amendable(c)).ToList()),
                reopened: before.Choice(Opportunity.StateCode) != Opportunity.StateWon));
        }
    }
}
