using System.Globalization;

namespace CrmCollab.Cli
{
    /// <summary>Whole-number options read as typed (digits, optional thousands separators), so a bad value is refused in
    /// the option's own words rather than by a type converter.</summary>
    public static class WholeNumber
    {
        public static bool TryRead(string text, int min, int max, out int value) =>
            int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

        public static int Read(string text) => int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
