using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>A piece of an argument's metadata carried by an attribute; ArgumentValue is that attribute's value.</summary>
    public interface IWorkflowArgument
    {
        object ArgumentValue { get; }
    }

    public enum ArgumentDirection
    {
        Input = 0,
        Output = 1,
    }

    [AttributeUsage(AttributeTargets.All)]
    [Serializable]
    public sealed class ArgumentDescriptionAttribute : Attribute, IWorkflowArgument
    {
        // As in the SDK, an attribute made without a value holds an empty text, not null.
        public ArgumentDescriptionAttribute()
        {
            Value = string.Empty;
        }

        public ArgumentDescriptionAttribute(string value)
        {
            Value = value;
        }

        public object ArgumentValue
        {
            get { return Value; }
        }

        public string Value { get; set; }
    }

    [AttributeUsage(AttributeTargets.All)]
    [Serializable]
    public sealed class ArgumentDirectionAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentDirectionAttribute()
        {
        }

        public ArgumentDirectionAttribute(ArgumentDirection value)
        {
            Value = value;
        }

        public ArgumentDirection Value { get; set; }

        public object ArgumentValue
        {
            get { return Value; }
        }
    }

    [AttributeUsage(AttributeTargets.All)]
    [Serializable]
    public sealed class ArgumentEntityAttribute : Attribute, IWorkflowArgument
    {
        // As in the SDK, an attribute made without a value holds an empty text, not null.
        public ArgumentEntityAttribute()
        {
            Value = string.Empty;
        }

        public ArgumentEntityAttribute(string value)
        {
            Value = value;
        }

        public object ArgumentValue
        {
            get { return Value; }
        }

        public string Value { get; set; }
    }

    [AttributeUsage(AttributeTargets.All)]
    [Serializable]
    public sealed class ArgumentRequiredAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentRequiredAttribute()
        {
        }

        public ArgumentRequiredAttribute(bool value)
        {
            Value = value;
        }

        public bool Value { get; set; }

        public object ArgumentValue
        {
            get { return Value; }
        }
    }

    [AttributeUsage(AttributeTargets.All)]
    [Serializable]
    public sealed class ArgumentTargetAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentTargetAttribute()
        {
        }

        public ArgumentTargetAttribute(bool value)
        {
            Value = value;
        }

        public bool Value { get; set; }

        public object ArgumentValue
        {
            get { return Value; }
        }
    }
}
