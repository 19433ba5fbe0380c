namespace Mt4RiskBridge.Tests.Bridge;

/// <summary>
/// A disk that can run out of space: files opened through <see cref="Open"/> refuse every write with the error a
/// full disk gives while <see cref="Full"/> is set, and opening fails too, as it does on a full file system.
/// </summary>
internal sealed class FillingDisk
{
    public volatile bool Full;

    public Stream Open(string path)
    {
        if (Full) throw new IOException("No space left on device : '" + path + "'");
        return new FullableStream(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0), this);
    }

    private sealed class FullableStream(FileStream inner, FillingDisk disk) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (disk.Full) throw new IOException("No space left on device");
            inner.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Flush() => inner.Flush(flushToDisk: true);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
