using System;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Feasibility;
using Microsoft.Xrm.Sdk;
using Xunit.Sdk;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// What Get Feasibility Status promises a flow: a deal it reports cleared to win is one the win lets through, and one it
    /// reports held is refused with the code it named (docs/guards.md). A refusal without a CrmCollab code (the platform's
    /// own, e.g. a deal already closed) is the platform's and not judged here.
    /// </summary>
    public static class FeasibilityAnswers
    {
        public static void AssertWinGoesAsAnswered(ParameterCollection answer, Action win)
        {
            bool cleared = (bool)answer[FeasibilityStatusApi.ClearedToWin];
            string said = (string)answer[FeasibilityStatusApi.WinCode];
            try
            {
                win();
            }
            catch (FaultException<OrganizationServiceFault> refused)
            {
                string code = Refusal.CodeOf(refused.Detail?.Message);
                if (code != null && (cleared || code != said))
                    throw new XunitException($"Get Feasibility Status said {(cleared ? "cleared to win" : said)} ({answer[FeasibilityStatusApi.Blocking]}; " +
                        $"reviews {answer[FeasibilityStatusApi.Reviews]}), but the win was refused with {code}: {refused.Detail.Message}");
                throw;
            }
            if (!cleared) throw new XunitException($"Get Feasibility Status said {said}, but the win went through");
        }
    }
}
