using System;
using System.Collections.Generic;
using System.Runtime.Serialization;
using CrmCollab.Sdk.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    /// <summary>
    /// InvalidPluginExecutionException as Microsoft's SDK builds it: its ErrorCode is its HResult, which only a
    /// non-zero error code changes; otherwise it is the code of a plain exception.
    /// </summary>
    public class PluginExceptionTests
    {
        private const int PlainExceptionCode = unchecked((int)0x80131500); // -2146233088, System.Exception's HResult

        [Fact]
        public void A_refusal_with_only_a_message_fails_the_operation_with_the_plain_exception_code()
        {
            var refusal = new InvalidPluginExecutionException("Logistics must approve first.");

            Assert.Equal("Logistics must approve first.", refusal.Message);
            Assert.Equal(OperationStatus.Failed, refusal.Status);
            Assert.Equal(PlainExceptionCode, refusal.ErrorCode);
            Assert.Equal(PlainExceptionCode, refusal.HResult);
            Assert.Equal(PluginHttpStatusCode.NotSet, refusal.HttpStatus);
            Assert.Empty(refusal.ExceptionDetails);
        }

        [Fact]
        public void Every_constructor_without_an_error_code_keeps_the_plain_exception_code()
        {
            var details = new Dictionary<string, string>();
            var refusals = new[]
            {
                new InvalidPluginExecutionException(),
                new InvalidPluginExecutionException(OperationStatus.Retry),
                new InvalidPluginExecutionException(OperationStatus.Canceled, "m"),
                new InvalidPluginExecutionException("m", new InvalidOperationException()),
                new InvalidPluginExecutionException("m", PluginHttpStatusCode.Conflict),
                new InvalidPluginExecutionException("m", PluginHttpStatusCode.Conflict, details),
                new InvalidPluginExecutionException("m", details),
                new InvalidPluginExecutionException(OperationStatus.Suspended, "m", details),
            };

            Assert.All(refusals, refusal => Assert.Equal(PlainExceptionCode, refusal.ErrorCode));
        }

        [Fact]
        public void A_non_zero_error_code_becomes_the_HResult_and_zero_keeps_the_plain_code()
        {
            var coded = new InvalidPluginExecutionException(OperationStatus.Failed, 0x1234, "Logistics must approve first.");
            var withHttp = new InvalidPluginExecutionException(OperationStatus.Retry, -2147220891, "busy", PluginHttpStatusCode.ServiceUnavailable);

            Assert.Equal(0x1234, coded.ErrorCode);
            Assert.Equal(0x1234, coded.HResult);
            Assert.Equal(-2147220891, withHttp.ErrorCode);
            Assert.Equal(OperationStatus.Retry, withHttp.Status);
            Assert.Equal(PluginHttpStatusCode.ServiceUnavailable, withHttp.HttpStatus);
            Assert.Equal(PlainExceptionCode, new InvalidPluginExecutionException(OperationStatus.Failed, 0, "m").ErrorCode);
            Assert.Equal(PlainExceptionCode, new InvalidPluginExecutionException(OperationStatus.Failed, 0, "m", PluginHttpStatusCode.Gone).ErrorCode);
        }

        [Fact]
        public void The_status_only_constructor_gives_an_empty_message_and_the_parameterless_one_the_default_text()
        {
            Assert.Equal(string.Empty, new InvalidPluginExecutionException(OperationStatus.Retry).Message);
            Assert.Equal(OperationStatus.Retry, new InvalidPluginExecutionException(OperationStatus.Retry).Status);
            Assert.Equal("Exception of type 'Microsoft.Xrm.Sdk.InvalidPluginExecutionException' was thrown.",
                new InvalidPluginExecutionException().Message);
            Assert.Equal(new InvalidPluginExecutionException().Message, new InvalidPluginExecutionException((string)null).Message);
        }

        [Fact]
        public void Exception_details_are_the_callers_own_dictionary_and_null_stays_null()
        {
            var details = new Dictionary<string, string> { { "crmc_code", "REVIEW_PENDING" } };

            var refusal = new InvalidPluginExecutionException("m", details);
            details["crmc_field"] = "salesstage";

            Assert.Same(details, refusal.ExceptionDetails);
            Assert.Equal("salesstage", refusal.ExceptionDetails["crmc_field"]);
            Assert.Same(details, new InvalidPluginExecutionException("m", PluginHttpStatusCode.BadRequest, details).ExceptionDetails);
            Assert.Null(new InvalidPluginExecutionException("m", (Dictionary<string, string>)null).ExceptionDetails);
            Assert.IsType<Dictionary<string, string>>(new InvalidPluginExecutionException("m").ExceptionDetails);
        }

        [Fact]
        public void A_wrapped_exception_is_kept_as_the_inner_exception()
        {
            var cause = new InvalidOperationException("disk full");

            var refusal = new InvalidPluginExecutionException("Could not save.", cause);

            Assert.Same(cause, refusal.InnerException);
            Assert.Equal(OperationStatus.Failed, refusal.Status);
        }

        [Fact]
        public void Serialisation_keeps_status_http_status_details_and_the_code_as_HResult()
        {
            var details = new Dictionary<string, string> { { "crmc_code", "REVIEW_PENDING" } };
            var refusal = new InvalidPluginExecutionException("m", PluginHttpStatusCode.Conflict, details);
            var coded = new InvalidPluginExecutionException(OperationStatus.Canceled, 42, "m");

            SerializationInfo info = ExceptionData.Write(refusal);
            Dictionary<string, object> entries = ExceptionData.Entries(info);
            InvalidPluginExecutionException copy = ExceptionData.Rebuild<InvalidPluginExecutionException>(info);
            InvalidPluginExecutionException codedCopy = ExceptionData.Rebuild<InvalidPluginExecutionException>(ExceptionData.Write(coded));

            Assert.Equal(OperationStatus.Failed, entries["Status"]);
            Assert.Equal(PluginHttpStatusCode.Conflict, entries["HttpStatus"]);
            Assert.Same(details, entries["ExceptionDetails"]);
            Assert.Equal(PlainExceptionCode, entries["HResult"]);
            Assert.False(entries.ContainsKey("ErrorCode"));
            Assert.Equal(PluginHttpStatusCode.Conflict, copy.HttpStatus);
            Assert.Equal("REVIEW_PENDING", copy.ExceptionDetails["crmc_code"]);
            Assert.Equal(OperationStatus.Canceled, codedCopy.Status);
            Assert.Equal(42, codedCopy.ErrorCode);
        }
    }
}
