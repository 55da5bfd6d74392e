using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IdcRepro.Tests.Fetch;

/// <summary>
/// A one-file HTTP/1.1 server on 127.0.0.1 (a free port) for download tests: serves <c>content</c> with
/// <c>Range: bytes=N-</c> support, misbehaves as its <see cref="ServerScript"/> says, records every request, and
/// stops on dispose or by itself after 30 s. One connection per request (<c>Connection: close</c>).
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly byte[] content;
    private readonly ServerScript script;
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new(Lifetime);
    private readonly List<Task> connections = [];
    private readonly List<ServedRequest> requests = [];
    private readonly Task accepting;

    public LoopbackHttpServer(byte[] content, ServerScript? script = null)
    {
        this.content = content;
        this.script = script ?? new ServerScript();
        listener.Start();
        stop.Token.Register(listener.Stop);
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/IDC_regular_ps50_idx5.zip");
        accepting = AcceptAsync();
    }

    public Uri Url { get; }

    public IReadOnlyList<ServedRequest> Requests
    {
        get { lock (requests) return [.. requests]; }
    }

    public long BytesServed => Requests.Sum(r => r.BodyBytes);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await accepting;
        Task[] open;
        lock (connections) open = [.. connections];
        await Task.WhenAll(open);
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                lock (connections) connections.Add(ServeAsync(client));
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
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away, or the server is stopping.
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream)
    {
        var range = (await ReadHeadAsync(stream))
            .FirstOrDefault(line => line.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))?["Range:".Length..].Trim();
        long? rangeStart = range is not null && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
            ? long.Parse(range["bytes=".Length..^1]) : null;
        int number;
        lock (requests) number = requests.Count + 1;

        if (script.AlwaysStatus is { } always || number <= script.ServerErrorsFirst)
        {
            var status = script.AlwaysStatus ?? 500;
            Record(range, rangeStart, status, 0);
            await WriteHeadAsync(stream, status, 0);
            return;
        }
        if (rangeStart is { } asked && !script.IgnoreRange && asked >= content.Length)
        {
            Record(range, rangeStart, 416, 0);
            await WriteHeadAsync(stream, 416, 0, $"Content-Range: bytes */{content.Length}");
            return;
        }

        var start = rangeStart is { } r && !script.IgnoreRange ? (script.RangeFromStart ? 0 : r) : 0;
        var partial = rangeStart is not null && !script.IgnoreRange;
        var length = content.Length - start;
        var sent = number == 1 ? Math.Min(length, script.CutFirstResponseAfter ?? script.StallFirstResponseAfter ?? length) : length;
        Record(range, rangeStart, partial ? 206 : 200, sent);
        await WriteHeadAsync(stream, partial ? 206 : 200, length, partial ? $"Content-Range: bytes {start}-{content.Length - 1}/{content.Length}" : null);
        await stream.WriteAsync(content.AsMemory((int)start, (int)sent), stop.Token);
        await stream.FlushAsync(stop.Token);
        if (number == 1 && script.StallFirstResponseAfter is not null)
            await Task.Delay(Lifetime, stop.Token);
    }

    private void Record(string? range, long? rangeStart, int status, long bodyBytes)
    {
        lock (requests) requests.Add(new ServedRequest(range, rangeStart, status, bodyBytes));
    }

    private async Task<string[]> ReadHeadAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var buffer = new byte[1024];
        while (head.Count < 16_384)
        {
            var read = await stream.ReadAsync(buffer, stop.Token);
            if (read == 0) break;
            head.AddRange(buffer.AsSpan(0, read));
            var text = Encoding.ASCII.GetString([.. head]);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal)) return text.Split("\r\n");
        }
        throw new IOException("incomplete request head");
    }

    private async Task WriteHeadAsync(NetworkStream stream, int status, long contentLength, string? extraHeader = null)
    {
        var head = new StringBuilder()
            .Append($"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n")
            .Append("Content-Type: application/zip\r\n")
            .Append("Accept-Ranges: bytes\r\n")
            .Append($"Content-Length: {contentLength}\r\n")
            .Append("Connection: close\r\n");
        if (extraHeader is not null) head.Append(extraHeader).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop.Token);
    }

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
