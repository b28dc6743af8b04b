using System.Collections.Generic;
using System.Linq;
using CrmCollab.Cli.Report;
using static CrmCollab.Cli.Html.HtmlBuilder;

namespace CrmCollab.Cli.Html
{
    /// <summary>Who is blocking deals: now and over the run, by function and by reviewer, and the ten longest-held deals.</summary>
    public static class BlockingSections
    {
        private static readonly string[] Headers = { "Deals held", "Median wait", "Value held" };

        public static void Write(HtmlBuilder html, BlockingSection blocking)
        {
            html.Section("blocking", "Who is blocking deals?", "Deals whose move past the feasibility gate was refused, by the function and the reviewer whose review was not approved.");
            html.P($"Now: {N(blocking.Now.Deals)} deals held, {Money(blocking.Now.ValueHeld)} of estimated revenue (in the base currency), median wait {Hours(blocking.Now.MedianWaitHours)}. " +
                   $"Over the run: {N(blocking.OverRun.Deals)} deals were stopped at least once, {Money(blocking.OverRun.ValueHeld)} held, median wait {Hours(blocking.OverRun.MedianWaitHours)}.");
            var functions = blocking.OverRun.ByFunction.Select(f => f.Function).ToList();
            if (functions.Count > 0)
                html.Figure(Chart.Bars("Estimated revenue held at the gate over the run, by blocking function", "value held (sum of estimated revenue)",
                    functions, blocking.OverRun.ByFunction.Select(f => f.ValueHeld ?? 0).ToList(), "#d62728"));
            html.Table("Held now, by function", new[] { "Function" }.Concat(Headers).ToList(), Rows(blocking.Now.ByFunction, f => f.Function), "no deal is held at the gate now");
            html.Table("Held now, by reviewer", new[] { "Reviewer", "Function" }.Concat(Headers).ToList(), Rows(blocking.Now.ByReviewer, f => f.Person, f => f.Function), "no deal is held at the gate now");
            html.Table("Over the run, by function", new[] { "Function" }.Concat(Headers).ToList(), Rows(blocking.OverRun.ByFunction, f => f.Function));
            html.Table("Over the run, by reviewer (top 10)", new[] { "Reviewer", "Function" }.Concat(Headers).ToList(), Rows(blocking.OverRun.ByReviewer.Take(10), f => f.Person, f => f.Function));
            html.Table("The 10 longest-held deals", new[] { "Deal", "Salesperson", "Blocking function", "Reviewer", "Held for", "Value", "Outcome" },
                blocking.Longest.Select(d => (IReadOnlyList<string>)new[]
                {
                    Encode(d.Deal), Encode(d.Salesperson), Encode(d.BlockingFunction), Encode(d.Reviewer), Days(d.AgeDays), Money(d.Value), Encode(d.Outcome ?? "still held"),
                }));
            html.EndSection();
        }

        private static IEnumerable<IReadOnlyList<string>> Rows(IEnumerable<GroupFigure> figures, params System.Func<GroupFigure, string>[] keys) =>
            figures.Select(f => (IReadOnlyList<string>)keys.Select(k => Encode(k(f)))
                .Concat(new[] { N(f.Count), Hours(f.MedianHours), Money(f.ValueHeld ?? 0) }).ToList());
    }
}
