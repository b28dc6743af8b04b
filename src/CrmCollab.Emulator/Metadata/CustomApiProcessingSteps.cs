namespace CrmCollab.Emulator.Metadata
{
    /// <summary>customapi AllowedCustomProcessingStepType: which steps others may register on the API.</summary>
    public enum CustomApiProcessingSteps { None = 0, AsyncOnly = 1, SyncAndAsync = 2 }
}
