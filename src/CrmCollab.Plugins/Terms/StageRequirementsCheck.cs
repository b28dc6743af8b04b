using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// Data-quality gate: a deal enters a sales stage only with the columns crmc_StageRequirements lists for it (and
    /// every stage before it) filled, whatever moved it (form, business process flow, API, import); and is won only with
    /// those of every stage up to Close, whichever stage it is won from (<see cref="AtWin"/>).
    /// </summary>
    public static class StageRequirementsCheck
    {
        public static readonly int[] Stages = { SalesStage.Qualify, SalesStage.Develop, SalesStage.Propose, SalesStage.Close };

        /// <summary>
        /// The last setting text parsed, with what it parses to. The setting is still read on every stage move (no
        /// organisation data is kept between executions): only the parse of that text is remembered, a pure function of
        /// the text itself — one entry, replaced whole (an atomic reference write), so threads never see half of one.
        /// </summary>
        private static Tuple<string, StageRequirements> _lastParsed;

        /// <param name="before">The pre-image (null on Create).</param>
        public static Refusal Check(LocalPluginContext context, Entity before, Entity target)
        {
            // A deal created without a stage starts at Qualify, as the gate counts it (before, what Qualify asks was skipped).
            int? stage = DealStage.Of(target) ?? (before == null ? SalesStage.Qualify : (int?)null);
            if (stage == null || (before != null && DealStage.Of(before) == stage)) return null; // not entering a stage

            StageRequirements requirements = Read(context.SystemService, context.TracingService, "the gate is skipped");
            if (requirements == null) return null;
            // The deal as it will be: the change, else the pre-image, else (a column neither carries) the stored row.
            IReadOnlyList<string> required = requirements.ColumnsUpTo(stage.Value);
            Entity stored = before == null ? null : StoredColumns(context, target, before, required);
            IReadOnlyList<string> missing = requirements.Missing(stage.Value,
                column => target.Contains(column) ? target.IsFilled(column)
                    : before != null && before.Contains(column) ? before.IsFilled(column)
                    : stored != null && stored.IsFilled(column));
            return missing.Count == 0 ? null : MoveRefusal(stage.Value, missing);
        }

        /// <summary>
        /// What <see cref="Check"/> says of a save that moves the deal, as it stands, into <paramref name="stage"/> and changes
        /// nothing else: the deal read with <see cref="ColumnsForWin"/> (every stage's columns). The Get Feasibility Status step
        /// reports it for the deal's next move through a gate.
        /// </summary>
        public static Refusal AtMove(StageRequirements requirements, int stage, Entity deal)
        {
            if (requirements == null) return null;
            IReadOnlyList<string> missing = requirements.Missing(stage, deal.IsFilled);
            return missing.Count == 0 ? null : MoveRefusal(stage, missing);
        }

        /// <summary>
        /// What <see cref="Check"/> says of a business process flow moved into <paramref name="stage"/>
        /// (<see cref="Guards.ProcessFlowGuard"/>, before the gate as on the deal's own save), naming the stage as the flow shows
        /// it (<paramref name="stageName"/>). <paramref name="deal"/> was read with <paramref name="read"/>; a required column
        /// outside them is read from the deal (one Retrieve, only then).
        /// </summary>
        public static Refusal AtFlowMove(LocalPluginContext context, int stage, string stageName, Entity deal, IReadOnlyCollection<string> read)
        {
            StageRequirements requirements = Read(context.SystemService, context.TracingService, "the gate is skipped");
            if (requirements == null) return null;
            List<string> unread = null;
            foreach (string column in requirements.ColumnsUpTo(stage))
                if (!read.Contains(column) && !deal.Contains(column)) (unread ?? (unread = new List<string>())).Add(column);
            Entity stored = unread == null ? null : context.SystemService.Retrieve(Opportunity.Table, deal.Id, new ColumnSet(unread.ToArray()));
            IReadOnlyList<string> missing = requirements.Missing(stage, column => deal.IsFilled(column) || stored != null && stored.IsFilled(column));
            return missing.Count == 0 ? null : MoveRefusal(stage, missing, stageName);
        }

        private static Refusal MoveRefusal(int stage, IReadOnlyList<string> missing, string stageName = null) =>
            new Refusal(RefusalCodes.StageDataMissing, StageRequirements.RefusalMessage(stageName ?? SalesStage.Label(stage), ColumnLabels.Of(missing)));

        /// <summary>
        /// What the win (<see cref="Guards.CloseGuard"/>, certain to run inside every Win) asks: the columns every stage up to
        /// Close lists, whichever stage the deal is won from; none when the setting is empty or unreadable (traced). The win
        /// reads its deal with them, so <see cref="AtWin"/> needs no read of its own.
        /// </summary>
        public static StageRequirements ForWin(LocalPluginContext context) => ForWin(context.SystemService, context.TracingService);

        /// <summary>
        /// As <see cref="ForWin(LocalPluginContext)"/> through <paramref name="service"/>: the Get Feasibility Status step
        /// reads the setting as its workflow's user (every CrmCollab role reads CrmCollab's settings), so it reports what the
        /// win meets.
        /// </summary>
        public static StageRequirements ForWin(IOrganizationService service, ITracingService tracing) =>
            Read(service, tracing, "the win's data check is skipped");

        /// <summary>
        /// The setting (one read), or null when it cannot be parsed: refusing every stage move or win over a broken setting
        /// would stop sales, and the setting is validated at save. <paramref name="skipped"/> says what the trace reports skipped.
        /// </summary>
        private static StageRequirements Read(IOrganizationService service, ITracingService tracing, string skipped)
        {
            try
            {
                return Parse(EnvironmentVariables.Read(service, EnvironmentVariable.StageRequirements));
            }
            catch (FormatException invalid)
            {
                tracing?.Trace("crmc_StageRequirements is unreadable, {0}: {1}", skipped, invalid.Message);
                return null;
            }
        }

        /// <summary>The columns to read with the deal for <see cref="AtWin"/> (none without requirements).</summary>
        public static IReadOnlyList<string> ColumnsForWin(StageRequirements requirements) =>
            requirements?.ColumnsUpTo(SalesStage.Close) ?? (IReadOnlyList<string>)new string[0];

        /// <summary>The win's refusal when the deal, read with <see cref="ColumnsForWin"/>, leaves one of them empty.</summary>
        public static Refusal AtWin(StageRequirements requirements, Entity deal)
        {
            if (requirements == null) return null;
            IReadOnlyList<string> missing = requirements.Missing(SalesStage.Close, deal.IsFilled);
            return missing.Count == 0 ? null : new Refusal(RefusalCodes.StageDataMissing, StageRequirements.WinRefusalMessage(ColumnLabels.Of(missing)));
        }

        /// <summary>The required columns neither the change nor the pre-image carries, read in one Retrieve (none when there are none).</summary>
        private static Entity StoredColumns(LocalPluginContext context, Entity target, Entity before, IReadOnlyList<string> required)
        {
            List<string> unread = null;
            foreach (string column in required)
            {
                if (target.Contains(column) || before.Contains(column)) continue;
                (unread ?? (unread = new List<string>(required.Count))).Add(column);
            }
            return unread == null ? null : context.SystemService.Retrieve(Opportunity.Table, target.Id, new ColumnSet(unread.ToArray()));
        }

        /// <summary>The setting's text parsed, the last text's parse reused while the text is the same.</summary>
        private static StageRequirements Parse(string json)
        {
            Tuple<string, StageRequirements> last = _lastParsed;
            if (last != null && string.Equals(last.Item1, json, StringComparison.Ordinal)) return last.Item2;
            StageRequirements parsed = StageRequirementsJson.Parse(json, Stages);
            _lastParsed = Tuple.Create(json, parsed);
            return parsed;
        }
    }
}
