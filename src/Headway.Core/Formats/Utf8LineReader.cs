using System.Buffers;

namespace Headway.Core.Formats;

/// <summary>
/// Reads a stream's lines as UTF-8 bytes, without decoding them: each line is a slice of one reused buffer, valid until
/// the next read. Lines are counted as <see cref="LineReader"/> counts them (LF, CRLF and CR each end a line) and a
/// leading UTF-8 byte order mark is dropped, so a reader can fall back to the decoded text of a line and report the
/// same line numbers. A line longer than the buffer grows it; the grown buffer is given back once the long line is read.
/// </summary>
internal sealed class Utf8LineReader(Stream stream) : IDisposable
{
    private const int Size = 1 << 16;
    private const int MaxKept = 1 << 20;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Size);
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;

    /// <summary>The number of the line last returned (1-based; 0 before the first).</summary>
    public int Line { get; private set; }

    /// <summary>The next line without its line break, or false at the end of the stream.</summary>
    public bool TryReadLine(out ArraySegment<byte> line)
    {
        if (!_started)
        {
            _started = true;
            while (_end - _start < 3 && !_eof)
            {
                Fill();
            }

            if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
            {
                _start += 3;
            }
        }

        var scanned = 0;
        while (true)
        {
            var unread = _buffer.AsSpan(_start, _end - _start);
            var k = unread[scanned..].IndexOfAny((byte)'\n', (byte)'\r');
            if (k >= 0)
            {
                var at = scanned + k;
                if (unread[at] == '\r' && at + 1 == unread.Length && !_eof)
                {
                    // A CR at the end of what is read so far: an LF right after it belongs to the same line break.
                    scanned = at;
                    Fill();
                    continue;
                }

                line = new ArraySegment<byte>(_buffer, _start, at);
                var skip = unread[at] == '\r' && at + 1 < unread.Length && unread[at + 1] == '\n' ? 2 : 1;
                _start += at + skip;
                Line++;
                return true;
            }

            if (_eof)
            {
                if (unread.IsEmpty)
                {
                    line = default;
                    return false;
                }

                line = new ArraySegment<byte>(_buffer, _start, unread.Length);
                _start = _end;
                Line++;
                return true;
            }

            scanned = unread.Length;
            Fill();
        }
    }

    // Moves the unread bytes to the front (into a larger buffer when they fill it), then reads more after them.
    private void Fill()
    {
        var unread = _end - _start;
        if (unread == _buffer.Length || (_buffer.Length > MaxKept && unread < Size))
        {
            var next = ArrayPool<byte>.Shared.Rent(unread == _buffer.Length ? _buffer.Length * 2 : Size);
            _buffer.AsSpan(_start, unread).CopyTo(next);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = next;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        }

        _start = 0;
        _end = unread;
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _eof = read == 0;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
