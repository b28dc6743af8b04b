using System.Collections.Generic;

namespace CrmCollab.Tooling.Packaging
{
    /// <summary>What a check found: errors (the solution must not ship) and the checks that ran.</summary>
    public sealed class ValidationReport
    {
        public List<string> Errors { get; } = new List<string>();
        public List<string> Checks { get; } = new List<string>();
        public bool Ok => Errors.Count == 0;

        public void Ran(string check, IEnumerable<string> errors)
        {
            Checks.Add(check);
            Errors.AddRange(errors);
        }
    }
}
