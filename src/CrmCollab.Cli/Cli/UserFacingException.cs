using System;
using System.IO;
using CrmCollab.Emulator.Solution;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;

namespace CrmCollab.Cli
{
    /// <summary>A failure the user can fix (bad config, invalid solution): one line, no stack trace, exit 1.</summary>
    public sealed class UserFacingException : Exception
    {
        public UserFacingException(string message) : base(message) { }

        /// <summary>Runs a read of user input (config, templates, DLL, solution) and turns the failures the user can
        /// fix into a <see cref="UserFacingException"/>; anything else is a bug and keeps its stack trace.</summary>
        public static T From<T>(Func<T> load)
        {
            try
            {
                return load();
            }
            catch (Exception e) when (e is FileNotFoundException || e is InvalidDataException || e is PacConfigException
                                      || e is PackagingException || e is SolutionLoadException)
            {
                throw new UserFacingException(e.Message);
            }
        }
    }
}
