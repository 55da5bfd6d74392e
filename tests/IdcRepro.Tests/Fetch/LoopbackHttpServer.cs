using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace IdcRepro.Tests.Fetch;

/// <summary>
/// A one-file HTTP/1.1 server on 127.0.0.1 (a free port) for download tests: serves <c>content</c> with a strong
/// ETag, a Last-Modified, <c>Range: bytes=N-</c> and <c>If-Range</c> support, behaves (or misbehaves) as its
/// <see cref="ServerScript"/> says, records every request, and stops on dispose or by itself after 30 s. One
/// connection per request (<c>Connection: close</c>).
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly byte[] _content;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new(Lifetime);
    private readonly List<Task> _connections = [];
    private readonly List<ServedRequest> _requests = [];
    private readonly Task _accepting;

    public LoopbackHttpServer(byte[] content, ServerScript? script = null)
    {
        _content = content;
        Script = script ?? new ServerScript();
        _listener.Start();
        _stop.Token.Register(_listener.Stop);
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/IDC_regular_ps50_idx5.zip");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>How it answers from the next request on (a test "fixes" the server by setting a new one).</summary>
    public ServerScript Script { get; set; }

    public IReadOnlyList<ServedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public long BytesServed => Requests.Sum(r => r.BodyBytes);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _accepting;
        Task[] open;
        lock (_connections) open = [.. _connections];
        await Task.WhenAll(open);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_connections) _connections.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await AnswerAsync(client.GetStream());
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException
                or ObjectDisposedException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        var head = await ReadHeadAsync(stream);
        string? Header(string name) =>
            head.FirstOrDefault(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
                ?[(name.Length + 1)..].Trim();
        var range = Header("Range");
        var ifRange = Header("If-Range");
        long? rangeStart = range is not null && range.StartsWith("bytes=", StringComparison.Ordinal)
            && range.EndsWith('-')
            ? long.Parse(range["bytes=".Length..^1], CultureInfo.InvariantCulture) : null;
        var script = Script;
        int number;
        lock (_requests) number = _requests.Count + 1;

        if (script.AlwaysStatus is { } always || number <= script.ServerErrorsFirst)
        {
            var status = script.AlwaysStatus ?? 500;
            Record(range, rangeStart, ifRange, status, 0, null);
            await WriteHeadAsync(stream, status, 0, []);
            return;
        }
        var file = ServedFile(script, number);
        var content = file.Bytes;
        var validators = Validators(script, file);
        // RFC 9110 13.1.5: a Range under an If-Range that does not match this file is ignored (200, the whole file).
        var ranged = rangeStart is not null && !script.IgnoreRange
            && (ifRange is null || script.IgnoreIfRange || Holds(script, ifRange, file));
        if (ranged && rangeStart >= content.Length)
        {
            Record(range, rangeStart, ifRange, 416, 0, file.ETag);
            await WriteHeadAsync(stream, 416, 0, [.. validators, $"Content-Range: bytes */{content.Length}"]);
            return;
        }

        var start = ranged ? (script.RangeFromStart ? 0 : rangeStart!.Value) : 0;
        var length = content.Length - start;
        var sent = number == 1
            ? Math.Min(length, script.CutFirstResponseAfter ?? script.StallFirstResponseAfter ?? length)
            : length;
        Record(range, rangeStart, ifRange, ranged ? 206 : 200, sent, file.ETag);
        await WriteHeadAsync(stream, ranged ? 206 : 200, length,
            ranged ? [.. validators, $"Content-Range: bytes {start}-{content.Length - 1}/{content.Length}"]
                : validators);
        await stream.WriteAsync(content.AsMemory((int)start, (int)sent), _stop.Token);
        await stream.FlushAsync(_stop.Token);
        if (number == 1 && script.StallFirstResponseAfter is not null)
            await Task.Delay(Lifetime, _stop.Token);
    }

    /// <summary>The file the server has when answering request <paramref name="number"/>.</summary>
    private Served ServedFile(ServerScript script, int number)
    {
        var bytes = script.OtherContent is { } other && number >= script.OtherContentFromRequest ? other : _content;
        if (script.TruncateContentTo is { } cut) bytes = bytes[..(int)cut];
        return new Served(bytes, ETagOf(bytes), LastModifiedOf(bytes));
    }

    private static string[] Validators(ServerScript script, Served file) =>
    [
        .. script.SendETag ? [$"ETag: {(script.WeakETag ? "W/" : "")}{file.ETag}"] : Array.Empty<string>(),
        .. script.SendLastModified ? [$"Last-Modified: {file.LastModified}"] : Array.Empty<string>(),
    ];

    /// <summary>Whether an If-Range names this file: its strong ETag, or exactly its Last-Modified date.</summary>
    private static bool Holds(ServerScript script, string ifRange, Served file) =>
        ifRange.StartsWith('"')
            ? script.SendETag && !script.WeakETag && ifRange == file.ETag
            : script.SendLastModified && ifRange == file.LastModified;

    private void Record(string? range, long? rangeStart, string? ifRange, int status, long bodyBytes, string? fileETag)
    {
        lock (_requests) _requests.Add(new ServedRequest(range, rangeStart, ifRange, status, bodyBytes, fileETag));
    }

    private async Task<string[]> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var buffer = new byte[1024];
        while (head.Count < 16_384)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0) break;
            head.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.ASCII.GetString([.. head]);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal)) return text.Split("\r\n");
        }
        throw new IOException("incomplete request head");
    }

    private async Task WriteHeadAsync(NetworkStream stream, int status, long contentLength,
        IEnumerable<string> extraHeaders)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n")
            .Append("Content-Type: application/zip\r\n")
            .Append("Accept-Ranges: bytes\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {contentLength}\r\n")
            .Append("Connection: close\r\n");
        foreach (var header in extraHeaders) head.Append(header).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
    }

    /// <summary>The strong ETag the server gives a file: a quoted digest of its bytes.</summary>
    public static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";

    /// <summary>
    /// The Last-Modified the server gives a file (RFC 9110 date): one second in 2024 that depends on its bytes.
    /// </summary>
    public static string LastModifiedOf(byte[] bytes) =>
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)
            .AddSeconds(BitConverter.ToUInt32(SHA256.HashData(bytes)) % 31_536_000)
            .ToString("r", CultureInfo.InvariantCulture);

    private sealed record Served(byte[] Bytes, string ETag, string LastModified);

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        206 => "Partial Content",
        404 => "Not Found",
        416 => "Range Not Satisfiable",
        500 => "Internal Server Error",
        _ => "Status",
    };
}
