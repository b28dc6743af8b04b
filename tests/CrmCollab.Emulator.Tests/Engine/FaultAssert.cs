using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Emulator.Tests.Engine
{
    /// <summary>Asserts a call fails the way an SDK client sees it: an OrganizationServiceFault, with its code when given.</summary>
    internal static class FaultAssert
    {
        public static FaultException<OrganizationServiceFault> Fails(Action action) =>
            Assert.Throws<FaultException<OrganizationServiceFault>>(action);

        public static OrganizationServiceFault Fails(Action action, int expectedCode)
        {
            var fault = Fails(action).Detail;
            Assert.Equal(expectedCode, fault.ErrorCode);
            return fault;
        }
    }
}
