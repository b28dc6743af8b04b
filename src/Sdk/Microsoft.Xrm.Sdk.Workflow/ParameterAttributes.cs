using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>Names a custom workflow activity's argument as the workflow designer and the platform show it.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public abstract class ParameterAttribute : Attribute
    {
        protected ParameterAttribute(string name)
        {
            Name = name;
        }

        public string Name { get; }
    }

    /// <summary>Marks an InArgument property as an input parameter of the step.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class InputAttribute : ParameterAttribute
    {
        public InputAttribute(string name)
            : base(name)
        {
        }
    }

    /// <summary>Marks an OutArgument property as an output parameter of the step.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OutputAttribute : ParameterAttribute
    {
        public OutputAttribute(string name)
            : base(name)
        {
        }
    }

    /// <summary>The entity an EntityReference argument points to.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ReferenceTargetAttribute : Attribute
    {
        public ReferenceTargetAttribute(string entityName)
        {
            EntityName = entityName;
        }

        public string EntityName { get; }
    }

    /// <summary>The entity and attribute whose options an OptionSetValue argument takes.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AttributeTargetAttribute : Attribute
    {
        public AttributeTargetAttribute(string entityName, string attributeName)
        {
            EntityName = entityName;
            AttributeName = attributeName;
        }

        public string AttributeName { get; }

        public string EntityName { get; }
    }

    /// <summary>
    /// The value an input argument has when the step does not set it, written as text (e.g. "42", "true",
    /// "2024-01-31T00:00:00Z"); for an EntityReference the value is an id and <see cref="EntityName"/> its entity.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DefaultAttribute : Attribute
    {
        public DefaultAttribute(string value)
        {
            Value = value;
        }

        public DefaultAttribute(string value, string entityName)
        {
            Value = value;
            EntityName = entityName;
        }

        public string EntityName { get; }

        public string Value { get; }
    }
}
