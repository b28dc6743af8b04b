using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Collections;
using Xunit;

namespace CrmCollab.Emulator.Tests.Store
{
    /// <summary>
    /// The small map behind the SDK surface's keyed collections and the engine's entities must be indistinguishable from
    /// the Dictionary Microsoft's collections wrap: every operation is played on both, side by side, and their answers,
    /// exceptions and enumeration order compared after each step.
    /// </summary>
    public class SmallMapTests
    {
        private static readonly string[] Names = Enumerable.Range(0, 22).Select(i => "column" + i).ToArray();

        [Theory]
        [InlineData(0, 1)]
        [InlineData(3, 2)]
        [InlineData(16, 3)]
        [InlineData(0, 4)]
        [InlineData(5, 5)]
        public void Random_operations_answer_as_a_dictionary_does(int capacity, int seed)
        {
            var random = new Random(seed);
            for (int round = 0; round < 40; round++)
            {
                var expected = new Dictionary<string, object>();
                IDictionary<string, object> actual = new SmallMap<object>(capacity);
                for (int step = 0; step < 120; step++)
                {
                    // A fresh string each time: equal keys are not always the same instance.
                    string key = new string(Names[random.Next(random.Next(2) == 0 ? 6 : Names.Length)].ToCharArray());
                    object value = random.Next(4) == 0 ? null : (object)random.Next(5);
                    int operation = random.Next(100);
                    if (operation < 30) Same(() => expected[key] = value, () => actual[key] = value);
                    else if (operation < 45) Same(() => expected.Add(key, value), () => actual.Add(key, value));
                    else if (operation < 60) Same(() => expected.Remove(key), () => actual.Remove(key));
                    else if (operation < 65) Same(() => ((ICollection<KeyValuePair<string, object>>)expected).Remove(new KeyValuePair<string, object>(key, value)),
                        () => actual.Remove(new KeyValuePair<string, object>(key, value)));
                    else if (operation < 72) Same(() => expected[key], () => actual[key]);
                    else if (operation < 78) Same(() => expected.TryGetValue(key, out var v) ? v ?? "null" : "absent", () => actual.TryGetValue(key, out var v) ? v ?? "null" : "absent");
                    else if (operation < 83) Same(() => expected.ContainsKey(key), () => actual.ContainsKey(key));
                    else if (operation < 87) Same(() => ((ICollection<KeyValuePair<string, object>>)expected).Contains(new KeyValuePair<string, object>(key, value)),
                        () => actual.Contains(new KeyValuePair<string, object>(key, value)));
                    else if (operation < 88) Same(() => { expected.Clear(); return 0; }, () => { actual.Clear(); return 0; });
                    else if (operation < 93) Same(() => expected.Keys.Contains(key), () => actual.Keys.Contains(key));
                    else Same(() => expected.Values.Contains(value), () => actual.Values.Contains(value));
                    AssertSameContents(expected, actual);
                }
            }
        }

        [Fact]
        public void A_freed_slot_is_reused_by_the_next_insertion_the_last_freed_first_even_across_the_move_to_a_dictionary()
        {
            var expected = new Dictionary<string, object>();
            var actual = new SmallMap<object>(4);
            foreach (var name in Names.Take(SmallMap<object>.MaxSmall)) { expected[name] = name; actual[name] = name; }
            foreach (var name in new[] { Names[3], Names[9], Names[1] }) { expected.Remove(name); actual.Remove(name); }
            foreach (var name in new[] { "a", "b", "c", "d", "e" }) { expected[name] = name; actual[name] = name; }
            AssertSameContents(expected, actual);
            Assert.Equal(new[] { Names[0], "a", Names[2], "c" }, actual.Keys.Take(4));
        }

        [Fact]
        public void Enumeration_refuses_an_insertion_but_allows_a_replacement_a_removal_and_a_clear_as_a_dictionary_does()
        {
            foreach (IDictionary<string, object> map in new IDictionary<string, object>[] { new Dictionary<string, object>(), new SmallMap<object>(0) })
            {
                map["a"] = 1; map["b"] = 2; map["c"] = 3;
                foreach (var pair in map) map[pair.Key] = 10; // replacing
                foreach (var pair in map) if (pair.Key == "b") map.Remove("b"); // removing
                Assert.Equal(new[] { "a", "c" }, map.Keys);
                int seen = 0;
                foreach (var pair in map) { seen++; map.Clear(); } // clearing ends the enumeration without a fault
                Assert.Equal(1, seen);
                map["a"] = 1; map["c"] = 3;
                var error = Assert.Throws<InvalidOperationException>(() => { foreach (var pair in map) map["new" + pair.Key] = 0; });
                Assert.Equal("Collection was modified; enumeration operation may not execute.", error.Message);
            }
        }

        [Fact]
        public void An_enumerator_taken_while_empty_ends_at_once_and_a_views_enumerator_is_taken_when_asked_as_with_a_dictionary()
        {
            foreach (Func<IDictionary<string, object>> make in new Func<IDictionary<string, object>>[] { () => new Dictionary<string, object>(), () => new SmallMap<object>(0) })
            {
                IDictionary<string, object> map = make();
                IEnumerator<KeyValuePair<string, object>> pairs = map.GetEnumerator();
                IEnumerator<string> keys = map.Keys.GetEnumerator();
                map["a"] = 1;
                Assert.False(pairs.MoveNext()); // taken while empty: ends at once, even after an insertion
                Assert.False(keys.MoveNext());
                Assert.Throws<InvalidOperationException>(() => pairs.Current);

                keys = map.Keys.GetEnumerator();
                IEnumerator<object> values = map.Values.GetEnumerator();
                map["b"] = 2; // an insertion after the views' enumerators were taken, before their first step
                Assert.Throws<InvalidOperationException>(() => keys.MoveNext());
                Assert.Throws<InvalidOperationException>(() => values.MoveNext());
            }
        }

        [Fact]
        public void Keys_and_values_are_live_read_only_views_and_copy_to_checks_its_array()
        {
            var map = new SmallMap<object>(0);
            var keys = map.Keys;
            var values = map.Values;
            map["x"] = 1; map["y"] = 2;
            Assert.Equal(new[] { "x", "y" }, keys);
            Assert.Equal(new object[] { 1, 2 }, values);
            Assert.True(keys.IsReadOnly);
            Assert.Throws<NotSupportedException>(() => keys.Add("z"));
            Assert.Throws<NotSupportedException>(() => values.Clear());
            Assert.Throws<ArgumentNullException>(() => map.CopyTo(null, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => map.CopyTo(new KeyValuePair<string, object>[2], 3));
            Assert.Throws<ArgumentException>(() => map.CopyTo(new KeyValuePair<string, object>[2], 1));
            Assert.Throws<ArgumentNullException>(() => map.ContainsKey(null));
            Assert.Throws<ArgumentNullException>(() => map[null] = 1);
        }

        private static void Same(Func<object> expected, Func<object> actual)
        {
            object e = null, a = null;
            Exception ee = null, ae = null;
            try { e = expected(); } catch (Exception ex) { ee = ex; }
            try { a = actual(); } catch (Exception ex) { ae = ex; }
            Assert.Equal(ee?.GetType(), ae?.GetType());
            Assert.Equal(ee?.Message, ae?.Message);
            Assert.Equal(e, a);
        }

        private static void Same(Action expected, Action actual) =>
            Same(() => { expected(); return null; }, () => { actual(); return null; });

        private static void AssertSameContents(Dictionary<string, object> expected, IDictionary<string, object> actual)
        {
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected.ToList(), actual.ToList());
            Assert.Equal(expected.Keys.ToList(), actual.Keys.ToList());
            Assert.Equal(expected.Values.ToList(), actual.Values.ToList());
            var copied = new KeyValuePair<string, object>[expected.Count + 1];
            actual.CopyTo(copied, 1);
            Assert.Equal(expected.ToList(), copied.Skip(1).ToList());
        }
    }
}
