using System;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Query;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// The paging cookie is written as text (it is built on every RetrieveMultiple): it must read exactly as the
    /// XML the server's shape describes, with attribute values escaped as an XML writer escapes them.
    /// </summary>
    public class PagingCookieTextTests
    {
        [Theory]
        [InlineData("Plain name")]
        [InlineData("Smith & Sons <\"quoted\"> 'single'")]
        [InlineData("Line one\nline two\r\n\ttabbed")]
        public void The_cookie_of_a_page_is_the_xml_an_xml_writer_would_write(string name)
        {
            var source = new InMemorySource(TestData.Catalog());
            Guid firstId = new Guid("00000000-0000-0000-0000-0000000000a1");
            source.Add(new Entity("account", firstId) { ["name"] = name });
            source.Add(new Entity("account", new Guid("00000000-0000-0000-0000-0000000000b2")) { ["name"] = name + " later" });
            var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 1, PageNumber = 1 } };
            query.AddOrder("name", OrderType.Ascending);

            EntityCollection page = new QueryEngine(source).Execute(query);

            string id = firstId.ToString("B").ToUpperInvariant();
            var expected = new XElement("cookie", new XAttribute("page", "1"),
                new XElement("name", new XAttribute("last", name), new XAttribute("first", name)),
                new XElement("accountid", new XAttribute("last", id), new XAttribute("first", id)));
            Assert.True(page.MoreRecords);
            Assert.Equal(expected.ToString(SaveOptions.DisableFormatting), page.PagingCookie);
            Assert.Equal(name, XElement.Parse(page.PagingCookie).Elements().First().Attribute("last").Value);

            // A row added before the cookie's key: the next page read by cookie is unchanged (by page number it would shift).
            source.Add(new Entity("account", new Guid("00000000-0000-0000-0000-0000000000c3")) { ["name"] = "0 added meanwhile" });
            query.PageInfo = new PagingInfo { Count = 1, PageNumber = 2, PagingCookie = page.PagingCookie };
            EntityCollection next = new QueryEngine(source).Execute(query);
            Assert.Equal(name + " later", next.Entities.Single().GetAttributeValue<string>("name"));
        }
    }
}
