using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Plugins.Domain.Signals
{
    /// <summary>How fast the salesperson must acknowledge what the field saw, and what each kind triggers.</summary>
    public static class FieldSignalRules
    {
        /// <summary>Churn risk and complaints are urgent (1 day); a lead or expansion within 2 days; competitor intel 3.</summary>
        public static DateTime AcknowledgementDue(SignalKind kind, DateTime raisedOn)
        {
            switch (kind)
            {
                case SignalKind.ChurnRisk:
                case SignalKind.Complaint:
                    return raisedOn.AddDays(1);
                case SignalKind.Lead:
                case SignalKind.Expansion:
                    return raisedOn.AddDays(2);
                default:
                    return raisedOn.AddDays(3);
            }
        }

        public static bool CreatesLead(SignalKind kind) => kind == SignalKind.Lead || kind == SignalKind.Expansion;

        public static bool MarksChurnRisk(SignalKind kind) => kind == SignalKind.ChurnRisk;

        public static string Label(SignalKind kind)
        {
            switch (kind)
            {
                case SignalKind.Lead: return "Lead";
                case SignalKind.CompetitorPresence: return "Competitor presence";
                case SignalKind.ChurnRisk: return "Churn risk";
                case SignalKind.Expansion: return "Expansion";
                case SignalKind.Complaint: return "Complaint";
                default: return ((int)kind).ToString();
            }
        }

        /// <summary>
        /// An account's "Last signal on" is the date its latest field signal was raised: CrmCollab's intake writes it as the
        /// signal is raised. A save that sends it as it already is changes nothing (an integration re-sending what it read),
        /// and a merge may give the account that stays the merged-away account's date. Any other write of it (set or
        /// cleared) is refused. Null when the save may go on.
        /// </summary>
        /// <param name="written">The save sends the column.</param>
        /// <param name="sent">The date sent (null: cleared).</param>
        /// <param name="current">The account's date now (null on Create, or none yet).</param>
        /// <param name="byIntake">The save is the signal intake's own.</param>
        /// <param name="mergedAwayDate">In a merge, reads the merged-away account's date; null when the save is no merge.</param>
        public static Refusal CheckLastSignalDate(bool written, DateTime? sent, DateTime? current, bool byIntake, Func<DateTime?> mergedAwayDate)
        {
            if (!written || byIntake || sent == current) return null;
            if (mergedAwayDate != null && sent == mergedAwayDate()) return null;
            return new Refusal(RefusalCodes.AccountSignalDate,
                "'Last signal on' is the date the account's latest field signal was raised, recorded by CrmCollab when a signal " +
                "is raised; it cannot be set or cleared by hand. Remove it from the change and save again.");
        }

        /// <summary>What a signal must say to be worth routing: its kind, what was seen, the competitor when it is one, the account.</summary>
        public static Refusal CheckContent(int? kindValue, string description, bool competitorSet, bool accountSet)
        {
            string text = null;
            if (kindValue == null || !Enum.IsDefined(typeof(SignalKind), kindValue.Value))
                text = "Choose what kind of signal this is (lead, competitor presence, churn risk, expansion or complaint).";
            else if (string.IsNullOrWhiteSpace(description))
                text = "Describe what you saw or heard, so the salesperson can act on it.";
            else if ((SignalKind)kindValue.Value == SignalKind.CompetitorPresence && !competitorSet)
                text = "Name the competitor you saw on this account.";
            else if (!accountSet)
                text = "Choose the account this signal is about: it goes to that account's salesperson.";
            return text == null ? null : new Refusal(RefusalCodes.SignalIncomplete, text);
        }

        /// <summary>
        /// The raiser's function by the solution's function roles they hold (CrmCollab ADV, Logistics, SAV: the roles
        /// themselves, recognised by id, never a role named alike); the first in the functions' order when they hold
        /// several; null when none.
        /// </summary>
        public static Routing.BusinessFunction? FunctionOfRoles(IEnumerable<Routing.BusinessFunction> functionRolesHeld)
        {
            Routing.BusinessFunction? first = null;
            foreach (Routing.BusinessFunction function in functionRolesHeld)
                if (first == null || function < first.Value) first = function;
            return first;
        }

        public const string AcknowledgeRefusal = "Only the salesperson this signal is routed to can acknowledge it.";

        /// <summary>
        /// The function a signal is raised by, from who the raiser is, never from what the client sends: their CrmCollab
        /// role, else the function they are a dedicated owner for on the signal's account or an account above it (the
        /// accounts they serve: routing falls back along the same chain); null when neither says. A row on an account
        /// the signal is not about says nothing: a salesperson who is a plant's logistics owner raising about their own
        /// customers would otherwise be counted in Logistics' figures.
        /// </summary>
        /// <param name="accountChain">The signal's account, then its parent, its parent's parent…; read only when a row needs it.</param>
        public static Routing.BusinessFunction? RaiserFunction(IEnumerable<Routing.BusinessFunction> functionRolesHeld,
            IEnumerable<Routing.DedicatedOwner> raiserRows, Func<IReadOnlyList<Guid>> accountChain, DateTime on)
        {
            Routing.BusinessFunction? byRole = FunctionOfRoles(functionRolesHeld);
            if (byRole != null) return byRole;
            var valid = raiserRows.Where(r => r.IsValidOn(on)).ToList();
            if (valid.Count == 0) return null;
            List<Guid> chain = accountChain().ToList();
            Routing.DedicatedOwner row = valid.Where(r => chain.Contains(r.AccountId))
                .OrderBy(r => chain.IndexOf(r.AccountId)).ThenBy(r => r.Function).FirstOrDefault();
            return row?.Function;
        }

        /// <summary>A new signal names no lead: CrmCollab creates one for a lead signal (it counts in "became leads").</summary>
        public static Refusal CheckNoLeadSent(bool leadSent) => !leadSent ? null : new Refusal(RefusalCodes.SignalServerColumn,
            "'Lead' is set by CrmCollab when a lead signal becomes a lead. Leave it empty.");

        /// <summary>
        /// A new signal is not acknowledged yet: only its salesperson acknowledges it, once it is raised, at server time. Dropping
        /// a date sent would leave, unsaid, a signal the sender took for read waiting for its salesperson (due, counted against
        /// them, a churn risk marking the account).
        /// </summary>
        public static Refusal CheckNoAcknowledgementSent(bool acknowledgementSent) => !acknowledgementSent ? null : new Refusal(RefusalCodes.SignalServerColumn,
            "'Acknowledged on' is set when the account's salesperson acknowledges the signal, after it is raised: a signal is raised " +
            "waiting for them. Leave it empty.");

        /// <summary>
        /// The lead a field signal became is the signal's record: "signals that became leads or won deals" count the signal
        /// through it, and deleting it would empty the signal's Lead (and a won deal's Originating lead) and take the credit
        /// away from the team that raised it. It is disqualified when it leads nowhere; only a CrmCollab Administrator deletes it.
        /// </summary>
        /// <param name="raisedBySignal">A field signal names the lead.</param>
        public static Refusal CheckLeadDelete(bool raisedBySignal, Func<bool> isAdministrator) =>
            !raisedBySignal || isAdministrator() ? null : new Refusal(RefusalCodes.SignalLeadIsHistory,
                "This lead was raised from a field signal, and the team that raised it is credited for the leads and won deals it brings, " +
                "so it is not deleted. If it leads nowhere, disqualify it instead; a CrmCollab Administrator may delete it if it must go.");

        /// <summary>
        /// The competitor a field signal names is what the field saw at the account (a competitor-presence signal must name
        /// one): deleting it would empty the signal's Competitor (the relationship removes the link), losing the intel and
        /// leaving the salesperson unable to reword the signal without naming a competitor again. A duplicate's signals are
        /// pointed at the competitor that stays first; only a CrmCollab Administrator deletes one signals name.
        /// </summary>
        /// <param name="namedBySignal">A field signal names the competitor.</param>
        public static Refusal CheckCompetitorDelete(bool namedBySignal, Func<bool> isAdministrator) =>
            !namedBySignal || isAdministrator() ? null : new Refusal(RefusalCodes.SignalCompetitorIsHistory,
                "Field signals name this competitor as the one seen at their accounts, and deleting it would empty that on them. " +
                "If it duplicates another competitor, have those signals name that one first; a CrmCollab Administrator may delete it " +
                "if it really must go.");

        /// <summary>
        /// A field signal is the raising team's record and, until acknowledged, its salesperson's alert: deleting it takes it out
        /// of the teams' figures and, for a churn-risk signal, lets the account's churn mark be cleared before anyone read it
        /// (<see cref="ChurnMarkRules"/>). A signal raised by mistake is acknowledged and deactivated; only a CrmCollab
        /// Administrator deletes one. Whoever else holds Delete on the table (a System Administrator, an organisation's own
        /// role) is refused.
        /// </summary>
        public static Refusal CheckSignalDelete(Func<bool> isAdministrator) =>
            isAdministrator() ? null : new Refusal(RefusalCodes.SignalIsHistory,
                "A field signal is kept: the team that raised it is measured on it, and until its salesperson acknowledges it, it is their alert " +
                "(a churn-risk mark stays while one waits). If it was raised by mistake, the salesperson acknowledges it and deactivates it; " +
                "a CrmCollab Administrator may delete it if it really must go.");

        /// <summary>
        /// Deleting an account deletes the field signals about it (the relationship cascades): the teams that raised them
        /// would lose them from their figures, and the salesperson those still waiting. A duplicate is merged instead (its
        /// signals move to the account that stays); only a CrmCollab Administrator deletes such an account.
        /// </summary>
        public static Refusal CheckAccountDelete(bool hasSignals, Func<bool> isAdministrator) =>
            !hasSignals || isAdministrator() ? null : new Refusal(RefusalCodes.AccountDeleteSignals,
                "Field signals were raised about this account, and deleting it would delete them, with the record the teams that raised " +
                "them are measured on. If it duplicates another account, merge it into that one (its signals move there); otherwise " +
                "deactivate it, or ask your CrmCollab administrator if it really must go.");

        /// <summary>A client may re-send the function CrmCollab stamps, never another one.</summary>
        public static Refusal CheckRaisedByFunction(int? sent, Routing.BusinessFunction? stamped)
        {
            if (sent == null || sent == (int?)stamped) return null;
            string who = stamped == null ? "your role gives no CrmCollab function" : $"you raise signals as {Routing.BusinessFunctions.Label(stamped.Value)}";
            return new Refusal(RefusalCodes.SignalServerColumn,
                $"'Raised by function' is set by CrmCollab from your CrmCollab role or the accounts you are a dedicated owner for ({who}). Leave it empty.");
        }

        /// <summary>A change of a signal: who raised it, as what and when it is due are CrmCollab's; only its salesperson acknowledges it.</summary>
        /// <param name="clearsAcknowledgement">The change empties the date of an acknowledged signal.</param>
        /// <param name="callerRaisedItForAFunction">Whoever saves raised the signal, and it counts for their function (ADV, Logistics, SAV…).</param>
        /// <param name="callerOwnsAccount">Whether whoever saves is themselves the owner of the signal's account (its salesperson):
        /// asked only when the raiser acknowledges. Null: no.</param>
        public static Refusal CheckUpdate(IReadOnlyList<string> changedServerColumns, Func<bool> isServerCall, bool acknowledging, Func<bool> callerOwnsSignal,
            bool clearsAcknowledgement = false, bool callerRaisedItForAFunction = false, Func<bool> callerOwnsAccount = null)
        {
            if (changedServerColumns.Count > 0 && !isServerCall())
                return new Refusal(RefusalCodes.SignalServerColumn,
                    $"These columns of a field signal are set when it is raised and cannot be edited: {string.Join(", ", changedServerColumns)}. " +
                    "If the signal is about another account or of another kind, raise a new one.");
            // The acknowledgement is the signal's record (the response-time figures and the churn mark's order rely on it):
            // an acknowledged signal stays acknowledged, and an inactive one could otherwise wait again unseen.
            if (clearsAcknowledgement && !isServerCall())
                return new Refusal(RefusalCodes.SignalServerColumn,
                    "This signal was acknowledged, and an acknowledgement is not undone: the team's response times are measured on it. " +
                    "If the matter has come back, raise a new signal.");
            if (acknowledging && !callerOwnsSignal()) return new Refusal(RefusalCodes.SignalServerColumn, AcknowledgeRefusal);
            // Passed on to who raised it (Assign, a change of owner), the signal would be acknowledged by its own raiser and
            // count as read by the sales side in the raising function's figures while no salesperson saw it. A raiser who owns
            // the account is its salesperson (an ADV assistant with accounts of her own): the signal is routed to her and to
            // nobody else, so her acknowledgement says what it always says, and without it the signal would wait for ever.
            if (acknowledging && !clearsAcknowledgement && callerRaisedItForAFunction && !(callerOwnsAccount?.Invoke() ?? false))
                return new Refusal(RefusalCodes.SignalServerColumn,
                    "You raised this signal, so you cannot acknowledge it: the acknowledgement says the account's salesperson has read it. " +
                    "Ask a CrmCollab Administrator to assign it back to the account's salesperson.");
            return null;
        }

        /// <summary>
        /// A signal goes to the account's salesperson (its owner). A disabled user reads nothing, so the signal would wait
        /// for nobody (and the engine, like the platform's own assign dialog, gives no record to a disabled user; no page
        /// says what the API does): the raiser is told to have the account handed to an active salesperson first.
        /// </summary>
        /// <param name="ownerIsDisabledUser">The account's owner is a user who is disabled (a team never is).</param>
        public static Refusal CheckSalespersonActive(bool ownerIsDisabledUser, string accountName, string ownerName) =>
            !ownerIsDisabledUser ? null : new Refusal(RefusalCodes.SignalSalespersonDisabled,
                $"{ownerName ?? "The salesperson"} of {accountName ?? "this account"} is disabled, so the signal would reach nobody. " +
                "Ask your CrmCollab administrator to give the account an active salesperson, then raise the signal again.");

        /// <summary>
        /// A merge hands the merged-away account's waiting signals to the salesperson of the account that stays
        /// (<see cref="LeaverSignals"/>): a disabled one is given no record and reads nothing, so the merge waits until the
        /// account has an active salesperson — the merge's own choice of the duplicate's owner gives it one.
        /// </summary>
        /// <param name="ownerIsDisabledUser">The owner of the account that stays is a user who is disabled.</param>
        public static Refusal CheckMergeSalespersonActive(bool ownerIsDisabledUser, string keptName, string ownerName, string mergedAwayName)
        {
            if (!ownerIsDisabledUser) return null;
            string kept = keptName ?? "the account that stays", away = mergedAwayName ?? "the account merged into it";
            string who = ownerName == null ? $"The salesperson of {kept}" : $"{ownerName}, the salesperson of {kept},";
            return new Refusal(RefusalCodes.SignalSalespersonDisabled,
                $"{who} is disabled, so the field signals still waiting on {away} would reach nobody. " +
                $"Give {kept} an active salesperson (in the merge, choose {away}'s owner), or ask your CrmCollab administrator to, then merge again.");
        }

        /// <summary>
        /// A signal on a team-owned account goes to the team, whose members acknowledge it: a team nobody active belongs to
        /// (its salespeople left, the account not handed over yet) reads nothing, so the signal would wait for nobody while
        /// it counts as waiting for the account's salesperson, as with a disabled one (<see cref="CheckSalespersonActive"/>).
        /// </summary>
        /// <param name="ownerIsTeamWithoutActiveMember">The account's owner is a team none of whose members is an enabled user.</param>
        public static Refusal CheckSalesTeamActive(bool ownerIsTeamWithoutActiveMember, string accountName, string teamName) =>
            !ownerIsTeamWithoutActiveMember ? null : new Refusal(RefusalCodes.SignalSalespersonDisabled,
                $"{(teamName == null ? "The team" : "The team " + teamName)}, which owns {accountName ?? "this account"}, has no active member, so the signal would reach nobody. " +
                "Ask your CrmCollab administrator to give the account an active salesperson, then raise the signal again.");

        /// <summary>
        /// A signal is raised active: an inactive one is out of its salesperson's "Unacknowledged signals" and "My signals"
        /// views, while the acknowledgement figures still count it as waiting for them.
        /// </summary>
        public static Refusal CheckCreatedActive(bool inactive) => !inactive ? null : new Refusal(RefusalCodes.SignalCreatedInactive,
            "A field signal is raised active, in its salesperson's Unacknowledged signals: an inactive one would be hidden from them " +
            "while it still counts as waiting for their acknowledgement. Leave its status empty or Active.");

        /// <summary>
        /// A signal is deactivated only once acknowledged (in the same save too): before that, deactivating it would hide it
        /// from its salesperson while it still counts as waiting for them, and the raiser would never hear back.
        /// </summary>
        /// <param name="stateBefore">The signal's status before the change (null: active).</param>
        /// <param name="stateAfter">The status the change sets (null: the change leaves the status alone).</param>
        public static Refusal CheckDeactivation(int? stateBefore, int? stateAfter, bool acknowledged) =>
            !RecordStatus.Deactivates(stateBefore, stateAfter) || acknowledged ? null
            : new Refusal(RefusalCodes.SignalNotAcknowledged,
                "This field signal has not been acknowledged: deactivating it would hide it from its salesperson while it still counts as " +
                "waiting for them. Acknowledge it first (Acknowledged on), then deactivate it.");
    }
}
