using System.Collections.Generic;
using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>
    /// The async service: runs queued async steps outside any transaction (each service call they make commits
    /// on its own), retrying failures before recording them. The parent operation is never rolled back.
    /// </summary>
    internal sealed class AsyncRunner
    {
        private readonly DataverseEngine _engine;
        private readonly PipelineRunner _pipeline;

        public AsyncRunner(DataverseEngine engine, PipelineRunner pipeline)
        {
            _engine = engine;
            _pipeline = pipeline;
        }

        public List<AsyncJob> Queue { get; } = new List<AsyncJob>();

        /// <summary>Runs jobs in queue order, including jobs they raise, until none remain.</summary>
        public int Drain()
        {
            int ran = 0;
            while (Queue.Count > 0)
            {
                var job = Queue[0];
                Queue.RemoveAt(0);
                Run(job);
                ran++;
            }
            return ran;
        }

        private void Run(AsyncJob job)
        {
            int maxAttempts = 1 + System.Math.Max(0, _engine.Options.AsyncRetryCount);
            while (true)
            {
                job.Attempts++;
                try
                {
                    // Each attempt sees a fresh copy: a failed attempt must not leak into the next one.
                    var op = job.Operation.Detached();
                    _pipeline.Execute(op, job.Step, (int)Metadata.StepStage.PostOperation, mode: 1, inTransaction: false);
                    return;
                }
                catch (System.Exception ex) when (job.Attempts < maxAttempts && !(ex is System.OutOfMemoryException))
                {
                    // retried
                }
                catch (System.Exception ex)
                {
                    var fault = (ex as FaultException<OrganizationServiceFault>)?.Detail;
                    _engine.RecordAsyncFailure(new AsyncFailure
                    {
                        StepName = job.Step.Name, MessageName = job.Operation.MessageName,
                        PrimaryEntityName = job.Operation.PrimaryEntityName, PrimaryEntityId = job.Operation.PrimaryEntityId,
                        Attempts = job.Attempts, Message = fault?.Message ?? ex.Message, ErrorCode = fault?.ErrorCode ?? 0,
                        Exception = ex,
                    });
                    return;
                }
            }
        }
    }
}
