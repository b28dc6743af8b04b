using System;
using System.Data.SqlTypes;
using CrmCollab.Emulator.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>Ids sort as SQL Server sorts uniqueidentifier: .NET's own SqlGuid is the judge.</summary>
    public class SqlGuidOrderTests
    {
        [Fact]
        public void Ids_compare_as_sql_server_compares_uniqueidentifier()
        {
            var random = new Random(11);
            var bytes = new byte[16];
            Guid Next()
            {
                random.NextBytes(bytes);
                if (random.Next(3) == 0) bytes[10] = bytes[11] = 0; // pairs that differ only in later groups too
                if (random.Next(3) == 0) Array.Clear(bytes, 10, 6);
                return new Guid(bytes);
            }
            for (int i = 0; i < 5000; i++)
            {
                Guid a = Next(), b = random.Next(10) == 0 ? a : Next();
                Assert.Equal(Math.Sign(new SqlGuid(a).CompareTo(new SqlGuid(b))), Math.Sign(ValueComparer.CompareSqlGuid(a, b)));
            }
        }
    }
}
