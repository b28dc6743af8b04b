using System.Collections.Generic;

namespace System.Activities.Hosting
{
    /// <summary>The extensions (services) a host makes available to the activities it runs.</summary>
    public class WorkflowInstanceExtensionManager
    {
        private readonly List<object> singletons = new List<object>();
        private readonly List<Func<object>> providers = new List<Func<object>>();
        private bool isReadOnly;

        public WorkflowInstanceExtensionManager()
        {
        }

        /// <summary>One extension object shared by every workflow instance.</summary>
        public virtual void Add(object singletonExtension)
        {
            if (singletonExtension == null)
            {
                throw new ArgumentNullException(nameof(singletonExtension));
            }

            ThrowIfReadOnly();
            singletons.Add(singletonExtension);
        }

        /// <summary>A function called once per workflow instance to create that instance's extension.</summary>
        public virtual void Add<T>(Func<T> extensionCreationFunction)
            where T : class
        {
            if (extensionCreationFunction == null)
            {
                throw new ArgumentNullException(nameof(extensionCreationFunction));
            }

            ThrowIfReadOnly();
            providers.Add(() => extensionCreationFunction());
        }

        public void MakeReadOnly()
        {
            isReadOnly = true;
        }

        /// <summary>The extensions of one new workflow instance, singletons first, in the order they were added.</summary>
        internal IList<object> CreateInstanceExtensions()
        {
            var result = new List<object>(singletons);
            foreach (Func<object> provider in providers)
            {
                object extension = provider();
                if (extension != null)
                {
                    result.Add(extension);
                }
            }

            return result;
        }

        private void ThrowIfReadOnly()
        {
            if (isReadOnly)
            {
                throw new InvalidOperationException(
                    "Extensions cannot be added once the WorkflowInstanceExtensionManager has been used by a workflow.");
            }
        }
    }
}
