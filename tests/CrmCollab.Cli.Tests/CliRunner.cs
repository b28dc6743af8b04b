using System;
using System.IO;

namespace CrmCollab.Cli.Tests
{
    /// <summary>Runs the CLI in-process and captures what a user would see. Console is process-wide: tests using it share one collection.</summary>
    internal static class CliRunner
    {
        public static (int Code, string Out, string Err) Run(params string[] args)
        {
            TextWriter oldOut = Console.Out, oldErr = Console.Error;
            var output = new StringWriter();
            var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                return (Program.Main(args), output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}
