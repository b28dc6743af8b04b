using System;
using System.ServiceModel;
using CrmCollab.Sdk.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    /// <summary>The fault the organization service returns inside a FaultException when an operation fails.</summary>
    public class OrganizationServiceFaultTests
    {
        private static readonly string NewLine = Environment.NewLine;

        [Fact]
        public void A_new_fault_is_empty_but_has_an_error_detail_collection()
        {
            var fault = new OrganizationServiceFault();

            Assert.Equal(0, fault.ErrorCode);
            Assert.Null(fault.Message);
            Assert.Equal(DateTime.MinValue, fault.Timestamp);
            Assert.Equal(Guid.Empty, fault.ActivityId);
            Assert.Null(fault.HelpLink);
            Assert.Null(fault.TraceText);
            Assert.Null(fault.InnerFault);
            Assert.Empty(fault.ErrorDetails);
            fault.ErrorDetails = null;
            Assert.Empty(fault.ErrorDetails);
        }

        [Fact]
        public void A_fault_prints_code_in_hex_message_and_UTC_time_then_its_inner_faults()
        {
            var fault = new OrganizationServiceFault
            {
                ErrorCode = -2147220891,
                Message = "Logistics must approve first.",
                Timestamp = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc),
                TraceText = "not printed",
                InnerFault = new OrganizationServiceFault { ErrorCode = 5 },
            };

            Assert.Equal(
                "Exception details: " + NewLine + "ErrorCode: 0x80040265" + NewLine + "Message: Logistics must approve first." + NewLine +
                "TimeStamp: 2026-03-04T05:06:07.0000000Z" + NewLine + "--" + NewLine +
                "Exception details: " + NewLine + "ErrorCode: 0x5" + NewLine + "Message: " + NewLine +
                "TimeStamp: " + DateTime.MinValue.ToUniversalTime().ToString("o") + NewLine + "--" + NewLine,
                fault.ToString());
        }

        [Fact]
        public void A_transaction_fault_points_at_the_failed_request_and_prints_like_any_fault()
        {
            var fault = new ExecuteTransactionFault { ErrorCode = 5, Message = "m", FaultedRequestIndex = 2 };

            Assert.Equal(0, new ExecuteTransactionFault().FaultedRequestIndex);
            Assert.Equal(new OrganizationServiceFault { ErrorCode = 5, Message = "m" }.ToString(), fault.ToString());
        }

        [Fact]
        public void A_fault_exception_carries_the_fault_and_uses_the_reason_as_its_message()
        {
            var fault = new OrganizationServiceFault { ErrorCode = -2147220891, Message = "Logistics must approve first." };

            var exception = new FaultException<OrganizationServiceFault>(fault, new FaultReason(fault.Message));

            Assert.Same(fault, exception.Detail);
            Assert.Equal("Logistics must approve first.", exception.Message);
        }

        [Fact]
        public void A_fault_travels_with_the_members_the_service_keeps_off_the_public_surface()
        {
            var fault = new OrganizationServiceFault { ErrorCode = 5, Message = "m", InnerFault = new OrganizationServiceFault() };

            OrganizationServiceFault copy = Contract.RoundTrip(fault, out string xml);

            Assert.Contains("<ExceptionRetriable>false</ExceptionRetriable>", xml);
            Assert.Contains("<ExceptionSource i:nil=\"true\"/>", xml);
            Assert.Contains("<OriginalException i:nil=\"true\"/>", xml);
            Assert.Equal(5, copy.ErrorCode);
            Assert.Equal("m", copy.Message);
            Assert.NotNull(copy.InnerFault);
            Assert.Empty(Contract.Read<OrganizationServiceFault>(
                "<OrganizationServiceFault xmlns=\"http://schemas.microsoft.com/xrm/2011/Contracts\"/>").ErrorDetails);
        }
    }
}
