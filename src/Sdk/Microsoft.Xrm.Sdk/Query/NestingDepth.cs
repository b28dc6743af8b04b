using System;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>
    /// Counts how deeply queries, filters and link-entities are nested while the data contract serializer walks them,
    /// and enforces <see cref="QueryExpression.SerializationDepthLimit"/> and
    /// <see cref="QueryExpression.DeserializationDepthLimit"/> (0, the default, means no limit), as the SDK does:
    /// writing counts queries, filters and links; reading counts filters and links. A refused walk starts the count
    /// afresh. Counts are per thread.
    /// </summary>
    internal static class NestingDepth
    {
        [ThreadStatic] private static int _writing;
        [ThreadStatic] private static int _reading;

        public static void EnterWriting() =>
            Enter(ref _writing, QueryExpression.SerializationDepthLimit, "serialized", nameof(QueryExpression.SerializationDepthLimit));

        public static void LeaveWriting() => Leave(ref _writing);

        public static void EnterReading() =>
            Enter(ref _reading, QueryExpression.DeserializationDepthLimit, "deserialized", nameof(QueryExpression.DeserializationDepthLimit));

        public static void LeaveReading() => Leave(ref _reading);

        public static void Reset()
        {
            _writing = 0;
            _reading = 0;
        }

        private static void Enter(ref int depth, int limit, string walk, string setting)
        {
            if (++depth <= limit || limit <= 0) return;
            int reached = depth;
            depth = 0;
            throw new InvalidOperationException(
                $"The query is nested too deeply to be {walk}: depth {reached} is over the limit of {limit} (QueryExpression.{setting}).");
        }

        private static void Leave(ref int depth)
        {
            if (depth > 0) depth--;
        }
    }
}
