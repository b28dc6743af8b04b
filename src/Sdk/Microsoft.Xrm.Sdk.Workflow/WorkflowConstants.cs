namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>The kinds of value a workflow property (step argument) can hold.</summary>
    public enum WorkflowPropertyType
    {
        Boolean = 0,
        DateTime = 1,
        Decimal = 2,
        Float = 3,
        Integer = 4,
        EntityReference = 5,
        Money = 6,
        PartyList = 7,
        OptionSetValue = 8,
        Guid = 9,
        String = 10,
    }

    /// <summary>Values of the workflowdependency entity's type column.</summary>
    public static class WorkflowDependencyType
    {
        public const int SdkAssociation = 1;
        public const int LocalParameter = 2;
        public const int PrimaryEntityImage = 3;
        public const int PrimaryEntityPreImage = 4;
        public const int PrimaryEntityPostImage = 5;
        public const int RelatedEntityImage = 6;
        public const int CustomEntityDefinition = 7;
        public const int AttributeDefinition = 8;
        public const int ArgumentEntityImage = 9;
    }

    /// <summary>Status of a workflow step's activity.</summary>
    public static class WorkflowStepActivityStatus
    {
        public const int InProgress = 1;
        public const int SuccessfullyCompleted = 2;
        public const int Failed = 3;
        public const int Canceled = 4;
        public const int Waiting = 5;
    }
}
