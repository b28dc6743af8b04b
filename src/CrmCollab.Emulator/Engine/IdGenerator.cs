using System;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>Deterministic ids (seeded), so two runs with the same inputs create the same records.</summary>
    public sealed class IdGenerator
    {
        private readonly Random _random;

        public IdGenerator(int seed) => _random = new Random(seed);

        public Guid Next()
        {
            // On the stack: two ids per operation. A seeded Random gives the same bytes as NextBytes(byte[]).
            Span<byte> bytes = stackalloc byte[16];
            _random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
            return new Guid(bytes);
        }
    }
}
