namespace CrmCollab.Cli
{
    /// <summary>What every command returns: 0 done, 1 the work failed (or found problems), 2 the command line is unusable.</summary>
    public static class ExitCodes
    {
        public const int Ok = 0, Failed = 1, Usage = 2;
    }
}
