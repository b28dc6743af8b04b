using System;
using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Workflow;
using Xunit;

namespace CrmCollab.Sdk.Tests.Workflow
{
    /// <summary>The metadata attributes of custom workflow activities, read the way the platform reads them.</summary>
    public class WorkflowAttributeTests
    {
        private static T Attribute<T>(string property)
            where T : Attribute
        {
            return typeof(DescribeAccountActivity).GetProperty(property).GetCustomAttribute<T>();
        }

        [Fact]
        public void Parameter_attributes_carry_their_names()
        {
            Assert.Equal("Account", Attribute<InputAttribute>("Account").Name);
            Assert.Equal("Description", Attribute<OutputAttribute>("Description").Name);
            Assert.IsAssignableFrom<ParameterAttribute>(Attribute<InputAttribute>("Prefix"));
            Assert.Null(Attribute<InputAttribute>("Counter"));
        }

        [Fact]
        public void Target_and_default_attributes_carry_their_values()
        {
            Assert.Equal("account", Attribute<ReferenceTargetAttribute>("Account").EntityName);

            AttributeTargetAttribute target = Attribute<AttributeTargetAttribute>("Category");
            Assert.Equal("account", target.EntityName);
            Assert.Equal("accountcategorycode", target.AttributeName);

            DefaultAttribute byValue = Attribute<DefaultAttribute>("Prefix");
            Assert.Equal("Account", byValue.Value);
            Assert.Null(byValue.EntityName);

            var reference = new DefaultAttribute("6f0b1d2e-3c4a-4b5c-8d9e-0a1b2c3d4e5f", "account");
            Assert.Equal("account", reference.EntityName);
            Assert.Equal("6f0b1d2e-3c4a-4b5c-8d9e-0a1b2c3d4e5f", reference.Value);
        }

        [Fact]
        public void Attribute_usage_matches_the_official_sdk()
        {
            foreach (Type type in new[] { typeof(InputAttribute), typeof(OutputAttribute), typeof(ReferenceTargetAttribute), typeof(DefaultAttribute), typeof(AttributeTargetAttribute) })
            {
                AttributeUsageAttribute usage = type.GetCustomAttribute<AttributeUsageAttribute>();
                Assert.Equal(AttributeTargets.Property, usage.ValidOn);
            }

            Assert.Equal(AttributeTargets.All, typeof(ArgumentRequiredAttribute).GetCustomAttribute<AttributeUsageAttribute>().ValidOn);
            Assert.NotEmpty(typeof(ArgumentRequiredAttribute).GetCustomAttributes(typeof(SerializableAttribute), false));
        }

        [Fact]
        public void Workflow_argument_attributes_expose_their_value_as_argument_value()
        {
            Assert.Equal("text", ((IWorkflowArgument)new ArgumentDescriptionAttribute("text")).ArgumentValue);
            Assert.Equal(ArgumentDirection.Output, new ArgumentDirectionAttribute(ArgumentDirection.Output).ArgumentValue);
            Assert.Equal("contact", new ArgumentEntityAttribute("contact").ArgumentValue);
            Assert.Equal(true, new ArgumentRequiredAttribute(true).ArgumentValue);
            Assert.Equal(false, new ArgumentTargetAttribute().ArgumentValue);

            var description = new ArgumentDescriptionAttribute { Value = "changed" };
            Assert.Equal("changed", description.ArgumentValue);
        }

        [Fact]
        public void Stop_workflow_exception_keeps_status_and_error_code()
        {
            var plain = new StopWorkflowException("done");
            Assert.Equal(XrmWorkflowCompletionStatus.Succeeded, plain.Status);
            Assert.Equal(0, plain.ErrorCode);

            var inner = new InvalidOperationException("inner");
            Assert.Same(inner, new StopWorkflowException("wrapped", inner).InnerException);

            var failed = new StopWorkflowException(XrmWorkflowCompletionStatus.Failed, -2147220891, "failed");
#pragma warning disable SYSLIB0050, SYSLIB0051 // the exception is [Serializable] on the server; its data must round-trip
            var info = new SerializationInfo(typeof(StopWorkflowException), new FormatterConverter());
            failed.GetObjectData(info, new StreamingContext(StreamingContextStates.All));
#pragma warning restore SYSLIB0050, SYSLIB0051
            Assert.Equal((int)XrmWorkflowCompletionStatus.Failed, info.GetInt32("Status"));
            Assert.Equal(-2147220891, info.GetInt32("ErrorCode"));
            Assert.Equal("failed", info.GetString("Message"));
        }
    }
}
