using System;
using System.Reflection;
using System.Runtime.Serialization;
using CrmCollab.Sdk.Tests.Support;
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
        public void Description_and_entity_argument_attributes_made_without_a_value_hold_an_empty_text()
        {
            Assert.Equal(string.Empty, new ArgumentDescriptionAttribute().Value);
            Assert.Equal(string.Empty, new ArgumentEntityAttribute().ArgumentValue);
            Assert.Equal(new ArgumentDescriptionAttribute(string.Empty), new ArgumentDescriptionAttribute());
            Assert.Null(new ArgumentEntityAttribute(null).Value);
            Assert.Equal(ArgumentDirection.Input, new ArgumentDirectionAttribute().Value);
            Assert.False(new ArgumentRequiredAttribute().Value);
        }

        [Fact]
        public void Parameter_attributes_compare_by_kind_and_name()
        {
            Assert.Equal(new InputAttribute("Account"), new InputAttribute("Account"));
            Assert.NotEqual(new InputAttribute("Account"), new InputAttribute("Contact"));
            Assert.False(new InputAttribute("Account").Equals(new OutputAttribute("Account")));
            Assert.Null(new DefaultAttribute("5").EntityName);
        }

        [Fact]
        public void Stop_workflow_exception_without_a_status_cancels_the_workflow_and_keeps_the_plain_exception_code()
        {
            const int plainExceptionCode = unchecked((int)0x80131500); // -2146233088, the HResult of System.Exception

            var plain = new StopWorkflowException("done");
            Assert.Equal(XrmWorkflowCompletionStatus.Canceled, plain.Status);
            Assert.Equal(plainExceptionCode, plain.ErrorCode);
            Assert.Equal(plainExceptionCode, plain.HResult);
            Assert.Equal(XrmWorkflowCompletionStatus.Canceled, new StopWorkflowException().Status);

            var inner = new InvalidOperationException("inner");
            var wrapped = new StopWorkflowException("wrapped", inner);
            Assert.Same(inner, wrapped.InnerException);
            Assert.Equal(XrmWorkflowCompletionStatus.Canceled, wrapped.Status);
            Assert.Equal(plainExceptionCode, wrapped.ErrorCode);
        }

        [Fact]
        public void Stop_workflow_exception_with_a_status_takes_the_given_code_or_zero_as_its_error_code()
        {
            var failed = new StopWorkflowException(XrmWorkflowCompletionStatus.Failed, -2147220891, "failed");
            Assert.Equal(XrmWorkflowCompletionStatus.Failed, failed.Status);
            Assert.Equal(-2147220891, failed.ErrorCode);
            Assert.Equal(-2147220891, failed.HResult);

            var suspended = new StopWorkflowException(XrmWorkflowCompletionStatus.Suspended, "later");
            Assert.Equal(XrmWorkflowCompletionStatus.Suspended, suspended.Status);
            Assert.Equal(0, suspended.ErrorCode);
            Assert.Equal("later", suspended.Message);
        }

        [Fact]
        public void Stop_workflow_exception_serialises_its_status_and_carries_the_code_as_its_HResult()
        {
            var failed = new StopWorkflowException(XrmWorkflowCompletionStatus.Failed, -2147220891, "failed");

            SerializationInfo info = ExceptionData.Write(failed);
            var entries = ExceptionData.Entries(info);
            StopWorkflowException copy = ExceptionData.Rebuild<StopWorkflowException>(info);

            Assert.Equal(XrmWorkflowCompletionStatus.Failed, entries["Status"]);
            Assert.Equal(-2147220891, entries["HResult"]);
            Assert.Equal("failed", entries["Message"]);
            Assert.False(entries.ContainsKey("ErrorCode"));
            Assert.Equal(XrmWorkflowCompletionStatus.Failed, copy.Status);
            Assert.Equal(-2147220891, copy.ErrorCode);
            Assert.Equal("failed", copy.Message);
        }
    }
}
