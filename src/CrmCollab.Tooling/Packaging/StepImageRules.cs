namespace CrmCollab.Tooling.Packaging
{
    /// <summary>
    /// Which message property a step image is taken of, and which images a message has (Microsoft Learn, "Register a
    /// plug-in", table images): Create → Id, post-image only; Update, Assign → Target; Delete → Target, pre-image only;
    /// SetState / SetStateDynamicEntity → EntityMoniker. An image registered otherwise is not the image the code reads.
    /// </summary>
    public static class StepImageRules
    {
        public const int PreImage = 0, PostImage = 1, Both = 2;

        /// <summary>The property the message's images are taken of; null for a message this check does not know.</summary>
        public static string PropertyOf(string message)
        {
            switch (message)
            {
                case "Create": return "Id";
                case "Update": case "Delete": case "Assign": return "Target";
                case "SetState": case "SetStateDynamicEntity": return "EntityMoniker";
                default: return null;
            }
        }

        /// <summary>What is wrong with an image of <paramref name="message"/>, as a phrase; null when nothing is.</summary>
        public static string Problem(string message, string propertyName, string imageType)
        {
            string expected = PropertyOf(message);
            if (expected != null && propertyName != expected)
                return $"is taken of '{propertyName ?? "(none)"}', but images of {message} are taken of '{expected}'";
            int.TryParse(imageType, out int type);
            if (message == "Create" && type != PostImage) return "is a pre-image, which a Create has not (only a post-image)";
            if (message == "Delete" && type != PreImage) return "is a post-image, which a Delete has not (only a pre-image)";
            return null;
        }
    }
}
