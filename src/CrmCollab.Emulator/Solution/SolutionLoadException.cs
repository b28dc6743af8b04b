using System;

namespace CrmCollab.Emulator.Solution
{
    /// <summary>Unknown or malformed solution input. The message always starts with the offending file.</summary>
    public sealed class SolutionLoadException : Exception
    {
        /// <summary>Path of the file, relative to the solution folder.</summary>
        public string File { get; }
        public string Problem { get; }

        public SolutionLoadException(string file, string problem, Exception inner = null)
            : base(file + ": " + problem, inner)
        {
            File = file;
            Problem = problem;
        }
    }
}
