using System;
using System.Globalization;
using System.Xml.Linq;
using CrmCollab.Emulator.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// The cookie writer formats sort keys straight into a buffer; each kind of key must read exactly as its text did
    /// when it was made as a string first (Guid "B" upper-cased, round-trip dates, invariant numbers, 1/0 flags).
    /// </summary>
    public class PagingCookieKeyTextTests
    {
        public static TheoryData<object> Keys => new TheoryData<object>
        {
            new Guid("0a1b2c3d-4e5f-6a7b-8c9d-aebfcadbecfd"),
            new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc).AddTicks(1234567),
            new DateTime(2026, 7, 6, 23, 59, 59, DateTimeKind.Unspecified),
            12.3400m, -0.5m, decimal.MaxValue, decimal.MinValue, 0m,
            42, int.MinValue,
            0.1, -1e20, double.MaxValue,
            true, false,
            "Smith & Sons <\"quoted\">\n\r\t", "",
        };

        [Theory]
        [MemberData(nameof(Keys))]
        public void Every_kind_of_key_reads_as_its_string_form_escaped_by_an_xml_writer(object key)
        {
            var specs = new[] { new SortSpec { Name = "column" }, new SortSpec { Name = "accountid" } };
            var id = new Guid("ffffffff-0000-abcd-0000-000000000001");
            var first = new object[] { key, id };
            var last = new object[] { null, id };

            string cookie = PagingCookieText.Build(12, specs, first, last);

            var expected = new XElement("cookie", new XAttribute("page", "12"),
                new XElement("column", new XAttribute("first", Reference(key))),
                new XElement("accountid", new XAttribute("last", Reference(id)), new XAttribute("first", Reference(id))));
            Assert.Equal(expected.ToString(SaveOptions.DisableFormatting), cookie);
            Assert.Equal(cookie, PagingCookieText.Build(12, specs, first, last)); // the reused builder starts empty
        }

        /// <summary>The text each key had before the writer formatted into a buffer.</summary>
        private static string Reference(object key)
        {
            switch (key)
            {
                case Guid g: return g.ToString("B").ToUpperInvariant();
                case DateTime d: return d.ToString("o", CultureInfo.InvariantCulture);
                case bool b: return b ? "1" : "0";
                case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
                default: return key.ToString();
            }
        }
    }
}
