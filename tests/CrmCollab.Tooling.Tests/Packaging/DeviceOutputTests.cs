using System;
using System.Collections.Generic;
using System.IO;
using CrmCollab.Tooling;
using CrmCollab.Tooling.Packaging;
using Xunit;

namespace CrmCollab.Tooling.Tests.Packaging
{
    /// <summary>
    /// A pipeline that sends a tool's output to /dev/null (or to a link to it) must not have the device replaced by a
    /// plain file: run as root, moving the finished file into place did exactly that. Nothing here writes to a device:
    /// the check is asked alone, and the write goes through a link that a wrong move would replace, not the device.
    /// </summary>
    public class DeviceOutputTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmc-device-" + Guid.NewGuid().ToString("N"));

        public DeviceOutputTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, true);

        [Fact]
        public void An_output_named_dev_null_is_refused_in_a_sentence_before_anything_is_written()
        {
            if (OperatingSystem.IsWindows()) return; // the Unix device path; Windows' NUL resolves under \\.\ and is refused alike
            var refusal = Assert.Throws<PackagingException>(() => StagedFiles.CheckWritable(new[] { "/dev/null" }, "--output"));
            Assert.Equal("/dev/null is a device or system file, not a file the tool can replace: give the path of an ordinary file " +
                         "(or give another --output), then run again; nothing was written.", refusal.Message);
        }

        [Fact]
        public void A_link_to_dev_null_given_as_the_output_is_refused_and_stays_a_link_to_the_device()
        {
            if (OperatingSystem.IsWindows()) return;
            string link = Path.Combine(_folder, "crmcollab-data.zip");
            File.CreateSymbolicLink(link, "/dev/null");

            Assert.Throws<PackagingException>(() => StagedFiles.Write(new[] { new KeyValuePair<string, byte[]>(link, new byte[] { 1, 2, 3 }) }));

            Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
            Assert.Equal(new[] { link }, Directory.GetFileSystemEntries(_folder)); // no temporary file left beside it
        }

        [Fact]
        public void An_ordinary_file_is_still_replaced()
        {
            string file = Path.Combine(_folder, "crmcollab-data.zip");
            File.WriteAllBytes(file, new byte[] { 9 });

            StagedFiles.Write(new[] { new KeyValuePair<string, byte[]>(file, new byte[] { 1, 2, 3 }) });

            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(file));
        }
    }
}
