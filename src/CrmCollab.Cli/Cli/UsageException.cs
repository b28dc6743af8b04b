using System;

namespace CrmCollab.Cli
{
    /// <summary>The command line cannot be used as given (empty or unusable path, value out of range): one line, exit 2,
    /// raised before any work starts.</summary>
    public sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message) { }
    }
}
