using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>What a message handler asks the pipeline to run.</summary>
    internal class OperationSpec
    {
        public string MessageName { get; set; }
        public string PrimaryEntityName { get; set; }
        public Guid PrimaryEntityId { get; set; }
        public OrganizationRequest Request { get; set; }

        /// <summary>The main operation (stage 30). Reads the possibly plugin-modified InputParameters.</summary>
        public Func<Operation, OrganizationResponse> Main { get; set; }

        /// <summary>
        /// Runs the main operation. A handler on every operation's path (Create, Retrieve, Update) overrides it in a
        /// spec of its own that holds what it needs, instead of a closure and a delegate per call.
        /// </summary>
        public virtual OrganizationResponse RunMain(Operation op) => Main(op);

        /// <summary>
        /// The record the steps image is known only once the main operation ran (Create: the new id). Without a list
        /// of its own, the primary record is then added after stage 30, not before.
        /// </summary>
        public bool ImageRecordAfterMain { get; set; }

        /// <summary>Records to image; defaults to the primary record when it has an id.</summary>
        public List<(string Table, Guid Id)> ImageRecords { get; set; }

        /// <summary>
        /// Set for a part of a request whose PreValidation already ran once for the whole (PipelineRunner.PreValidate):
        /// the part runs no PreValidation step, shares that operation's SharedVariables and, for the first part, its
        /// OperationId.
        /// </summary>
        public Operation Validated { get; set; }

        /// <summary>The first part of a validated request takes the validated operation's OperationId.</summary>
        public bool TakesValidatedOperationId { get; set; }

        /// <summary>
        /// Set for the second part of a split Update when the engine plays the reading in which its images are those read
        /// before the request (<see cref="Engine.EngineOptions.SplitUpdateImagesBeforeRequest"/>): the validated operation's.
        /// </summary>
        public Operation ImagesFrom { get; set; }

        public bool HasPreImage { get; set; } = true;
        public bool HasPostImage { get; set; } = true;
    }
}
