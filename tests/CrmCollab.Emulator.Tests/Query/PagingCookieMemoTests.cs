using System;
using CrmCollab.Emulator.Query;
using Xunit;

namespace CrmCollab.Emulator.Tests.Query
{
    /// <summary>
    /// A cookie already written for the same page, sort columns and first and last keys is handed out again; anything else is
    /// written anew, and a key whose equality does not mean the same text (an amount's scale) is never shared.
    /// </summary>
    public class PagingCookieMemoTests
    {
        private static SortSpec[] By(params string[] names) => Array.ConvertAll(names, name => new SortSpec { Name = name });

        [Fact]
        public void The_same_page_of_the_same_rows_gets_the_same_text_and_another_row_its_own()
        {
            Guid a = Guid.NewGuid(), b = Guid.NewGuid();
            string first = PagingCookieMemo.Of(1, By("accountid"), new object[] { a }, new object[] { b });
            string again = PagingCookieMemo.Of(1, By("accountid"), new object[] { a }, new object[] { b });
            Assert.Same(first, again);
            Assert.Equal(PagingCookieText.Build(1, By("accountid"), new object[] { a }, new object[] { b }), again);

            Assert.Equal(PagingCookieText.Build(2, By("accountid"), new object[] { a }, new object[] { b }),
                PagingCookieMemo.Of(2, By("accountid"), new object[] { a }, new object[] { b }));
            Assert.Equal(PagingCookieText.Build(1, By("contactid"), new object[] { a }, new object[] { b }),
                PagingCookieMemo.Of(1, By("contactid"), new object[] { a }, new object[] { b }));
            Assert.Equal(PagingCookieText.Build(1, By("accountid"), new object[] { a }, new object[] { a }),
                PagingCookieMemo.Of(1, By("accountid"), new object[] { a }, new object[] { a }));
        }

        [Fact]
        public void Keys_equal_in_value_but_not_in_text_are_written_each_time()
        {
            Guid id = Guid.NewGuid();
            string one = PagingCookieMemo.Of(1, By("estimatedvalue", "opportunityid"), new object[] { 1.0m, id }, new object[] { 1.0m, id });
            string scaled = PagingCookieMemo.Of(1, By("estimatedvalue", "opportunityid"), new object[] { 1.00m, id }, new object[] { 1.00m, id });
            Assert.Contains("\"1.0\"", one);
            Assert.Contains("\"1.00\"", scaled);
            // A number and a flag of the same value are not one key either.
            Assert.Contains("\"1\"", PagingCookieMemo.Of(1, By("n"), new object[] { 1 }, new object[] { 1 }));
            Assert.Contains("\"1\"", PagingCookieMemo.Of(1, By("n"), new object[] { true }, new object[] { true }));
        }
    }
}
