using System.Linq;
using CrmCollab.Emulator.Store;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// A table's column numbers answer by name, whichever string instance asks: the quick answer for a name asked
    /// before (by its instance) never gives another column's number, however many names share its slot.
    /// </summary>
    public class ColumnLayoutTests
    {
        [Fact]
        public void Every_column_is_found_by_its_name_whatever_instance_asks_and_however_often()
        {
            var layout = new ColumnLayout();
            // More names than the quick table has slots, so many share one.
            string[] names = Enumerable.Range(0, 2000).Select(i => "crmc_column" + i).ToArray();
            int[] numbers = names.Select(layout.Intern).ToArray();
            Assert.Equal(names.Length, numbers.Distinct().Count());
            for (int round = 0; round < 3; round++)
                for (int i = 0; i < names.Length; i++)
                {
                    Assert.Equal(numbers[i], layout.Find(names[i]));
                    Assert.Equal(numbers[i], layout.Find(new string(names[i].ToCharArray()))); // same text, another instance
                }
            Assert.Equal(-1, layout.Find("crmc_never_held"));
            Assert.Equal(-1, layout.Find(null));
        }
    }
}
