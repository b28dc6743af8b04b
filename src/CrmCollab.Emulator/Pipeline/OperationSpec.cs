using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Pipeline
{
    /// <summary>What a message handler asks the pipeline to run.</summary>
    internal sealed class OperationSpec
    {
        public string MessageName { get; set; }
        public string PrimaryEntityName { get; set; }
        public Guid PrimaryEntityId { get; set; }
        public OrganizationRequest Request { get; set; }

        /// <summary>The main operation (stage 30). Reads the possibly plugin-modified InputParameters.</summary>
        public Func<Operation, OrganizationResponse> Main { get; set; }

        /// <summary>Records to image; defaults to the primary record when it has an id.</summary>
        public List<(string Table, Guid Id)> ImageRecords { get; set; }

        public bool HasPreImage { get; set; } = true;
        public bool HasPostImage { get; set; } = true;
    }
}
