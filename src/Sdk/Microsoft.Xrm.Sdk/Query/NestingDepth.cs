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

        public static void EnterWriting()
        {
            int limit = QueryExpression.SerializationDepthLimit;
            if (++_writing <= limit || limit <= 0) return;
            int depth = _writing;
            _writing = 0;
            throw new InvalidOperationException(
                $"The query is nested too deeply to be serialized: depth {depth} is over the limit of {limit} (QueryExpression.SerializationDepthLimit).");
        }

        public static void LeaveWriting()
        {
            if (_writing > 0) _writing--;
        }

        public static void EnterReading()
        {
            int limit = QueryExpression.DeserializationDepthLimit;
            if (++_reading <= limit || limit <= 0) return;
            int depth = _reading;
            _reading = 0;
            throw new InvalidOperationException(
                $"The query is nested too deeply to be deserialized: depth {depth} is over the limit of {limit} (QueryExpression.DeserializationDepthLimit).");
        }

        public static void LeaveReading()
        {
            if (_reading > 0) _reading--;
        }

        public static void Reset()
        {
            _writing = 0;
            _reading = 0;
        }
    }
}
